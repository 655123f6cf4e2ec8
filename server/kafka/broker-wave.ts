import 'server-only';
import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import type { KafkaConnection } from '@/server/kafka/connection';
import { withDeadline } from '@/server/kafka/deadline';
import { brokerNotFound, isUnreachable, unwrapRetries } from '@/server/kafka/errors';

/**
 * Each broker of a wave answers within this bound or is reported as failed: a slow broker costs the snapshot
 * its rows, never the page (routes answer within about 10 s).
 */
export const BROKER_TIMEOUT_MS = 5_000;

export type BrokerOutcome<T> = { brokerId: number; ok: true; value: T } | { brokerId: number; ok: false; error: string };

/** A short, address-free text for a row's `error` (API answers must not carry broker addresses). */
export function brokerErrorText(error: unknown, brokerId: number): string {
  const e = unwrapRetries(error);
  if (typeof e.type === 'string') return `${e.type}: ${e.message ?? 'Kafka refused the request'}`;
  switch (e.name) {
    case 'DeadlineExceededError':
    case 'UnsupportedApiError':
      return e.message ?? e.name;
    case 'KafkaJSBrokerNotFound':
      return `broker ${brokerId} is not in the cluster metadata`;
    case 'ProtocolDecodeError':
      return `broker ${brokerId} sent a response the console could not read`;
    default:
      if (isUnreachable(e)) return `broker ${brokerId} is unreachable or did not answer in time`;
      return `broker ${brokerId}: ${e.name ?? 'Error'}: ${e.message ?? 'unknown error'}`;
  }
}

const notInMetadata = (brokerId: number) => brokerNotFound(`broker ${brokerId} is not in the cluster metadata`);

/**
 * Runs `work` on every broker id in parallel, each bounded by `timeoutMs` (from the start of the wave), and
 * returns one outcome per distinct id: failures are values, the wave itself never rejects.
 *
 * kafkajs fills its broker pool from its own metadata refreshes, so it is empty right after connect() (only the
 * seed broker is connected). One refresh, shared by the wave, runs first when any id is unknown; an id still
 * unknown after it fails without asking kafkajs again (its findBroker would refresh once more per call).
 */
export async function onBrokers<T>(
  connection: KafkaConnection,
  brokerIds: readonly number[],
  work: (broker: KafkajsBroker, brokerId: number) => Promise<T>,
  { timeoutMs = BROKER_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<BrokerOutcome<T>[]> {
  const ids = [...new Set(brokerIds)].sort((a, b) => a - b);
  const pool = connection.cluster.brokerPool;
  // Swallowed: brokers the pool already knows are still asked; the others fail as "not in the metadata".
  const known = ids.every((id) => pool.brokers[id]) ? Promise.resolve() : connection.cluster.refreshMetadata().catch(() => {});
  return Promise.all(
    ids.map(async (brokerId): Promise<BrokerOutcome<T>> => {
      try {
        const run = async () => {
          await known;
          if (!pool.brokers[brokerId]) throw notInMetadata(brokerId);
          return work(await connection.cluster.findBroker({ nodeId: brokerId }), brokerId);
        };
        return { brokerId, ok: true, value: await withDeadline(run(), timeoutMs, `broker ${brokerId}`) };
      } catch (error) {
        return { brokerId, ok: false, error: brokerErrorText(error, brokerId) };
      }
    }),
  );
}
