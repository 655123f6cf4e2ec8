import 'server-only';
import { ApiError } from '@/lib/errors';
import { brokerIdFromSegment, type BrokerDetailResponse, type BrokerLogDir } from '@/lib/schemas/brokers';
import type { ConfigListResponse } from '@/lib/schemas/configs';
import { getBrokerView } from '@/server/brokers/broker-view';
import { VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { brokerRows, countPartitionsPerBroker, diskOf, UNKNOWN_DISK } from '@/server/brokers/list-brokers';
import { readBrokerConfigs, type BrokerConfigsResult } from '@/server/kafka/broker-configs';
import { withKafka } from '@/server/kafka/clients';
import { knownBrokersOrNone } from '@/server/kafka/known-brokers';
import type { BrokerLogDirsResult } from '@/server/kafka/log-dirs';

function logDirsOf(logDirs: BrokerLogDirsResult[], brokerId: number): BrokerLogDir[] {
  const result = logDirs.find((r) => r.brokerId === brokerId);
  if (!result || 'error' in result) return [];
  return result.logDirs.map((dir) => ({
    path: dir.path,
    error: dir.error,
    replicaCount: dir.partitions.length,
    sizeBytes: dir.partitions.reduce((total, p) => total + BigInt(p.sizeBytes), 0n).toString(),
    totalBytes: dir.totalBytes,
    usableBytes: dir.usableBytes,
  }));
}

const DOWN: BrokerConfigsResult = { configs: null, error: 'The broker is down: its configs can only be read from the broker itself' };

/**
 * One broker, read for that broker (getBrokerView): its row as the brokers list has it (a known broker that is down
 * included), its log dirs and, unless `configs: false`, its configs read from the broker itself. Unknown ids are 404.
 * `maxAgeMs`: how old the shared view may be (0: read it again).
 */
export async function getBroker(
  clusterId: string,
  segment: string | number,
  { configs: withConfigs = true, maxAgeMs = VIEW_MAX_AGE_MS } = {},
): Promise<BrokerDetailResponse> {
  const brokerId = typeof segment === 'number' ? segment : brokerIdFromSegment(segment);
  if (brokerId === null) throw new ApiError('NOT_FOUND', `"${segment}" is not a broker id`);
  const { metadata, logDirs } = await getBrokerView(clusterId, brokerId, { maxAgeMs });
  const known = await knownBrokersOrNone(clusterId, metadata.brokers);
  const rows = brokerRows(metadata, known, countPartitionsPerBroker(metadata.topics), (id) =>
    id === brokerId ? diskOf(logDirs, id) : UNKNOWN_DISK,
  );
  const broker = rows.find((b) => b.id === brokerId);
  if (!broker) throw new ApiError('NOT_FOUND', `Broker ${brokerId} is not part of this cluster`);
  let configs: BrokerConfigsResult | undefined;
  if (withConfigs) configs = broker.status === 'up' ? await withKafka(clusterId, (c) => readBrokerConfigs(c, brokerId)) : DOWN;
  // Other brokers' troubles do not make this broker's answer partial; an unknown controller does (its badge).
  const partial = broker.status === 'down' || broker.error !== undefined || configs?.configs === null || metadata.quorumError !== null;
  return {
    asOf: metadata.asOf,
    ...(partial ? { partial: true } : {}),
    controllerId: metadata.controllerId,
    broker,
    logDirs: broker.status === 'up' ? logDirsOf(logDirs, brokerId) : [],
    ...(configs ? { configs: configs.configs } : {}),
    ...(configs && 'error' in configs ? { configsError: configs.error } : {}),
  };
}

/** Only the configs; a broker that is down or does not answer is 503 here (the detail shows it as a row error). */
export async function getBrokerConfigs(clusterId: string, segment: string): Promise<ConfigListResponse> {
  const { broker } = await getBroker(clusterId, segment, { configs: false });
  const result = broker.status === 'up' ? await withKafka(clusterId, (c) => readBrokerConfigs(c, broker.id)) : DOWN;
  if (result.configs === null) throw new ApiError('KAFKA_UNAVAILABLE', result.error);
  return { asOf: Date.now(), configs: result.configs };
}
