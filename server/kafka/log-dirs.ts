import 'server-only';
import { onBrokers } from '@/server/kafka/broker-wave';
import type { KafkaConnection } from '@/server/kafka/connection';
import { describeLogDirs, type BrokerLogDirs, type LogDirsFilter } from '@/server/protocol/describe-log-dirs';

export type BrokerLogDirsFailure = { brokerId: number; error: string };
/** Per broker: its log dirs, or why they could not be read (tell them apart with `'error' in result`). */
export type BrokerLogDirsResult = BrokerLogDirs | BrokerLogDirsFailure;

/**
 * One DescribeLogDirs request (all topics, or the replicas `filter` names) per broker, all in parallel, each bounded by `timeoutMs`. Replica
 * sizes and volume space exist only on each broker: there is no single broker to ask. Results are ordered by
 * broker id; a broker that fails or is unknown gives `{ brokerId, error }`, the others their data.
 */
export async function readLogDirs(
  connection: KafkaConnection,
  brokerIds: readonly number[],
  { filter, ...options }: { timeoutMs?: number; filter?: LogDirsFilter } = {},
): Promise<BrokerLogDirsResult[]> {
  const outcomes = await onBrokers(connection, brokerIds, (broker) => describeLogDirs(broker, filter), options);
  return outcomes.map((outcome) =>
    // Keyed by the id asked for, not by kafkajs's Broker.nodeId (unset on a seed broker never refreshed).
    outcome.ok ? { ...outcome.value, brokerId: outcome.brokerId } : { brokerId: outcome.brokerId, error: outcome.error },
  );
}
