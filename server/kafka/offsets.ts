import 'server-only';
import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import { brokerErrorText, onBrokers } from '@/server/kafka/broker-wave';
import type { KafkaConnection } from '@/server/kafka/connection';
import type { PartitionLayout } from '@/server/kafka/metadata';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets, READ_UNCOMMITTED, type ListOffsetsInput } from '@/server/protocol/list-offsets';
import { kafkaError } from '@/server/protocol/request';

/** Topics with their partitions' leaders; `ClusterMetadata['topics']` from readClusterMetadata fits as is. */
export type OffsetsLayout = readonly { name: string; partitions: readonly Pick<PartitionLayout, 'partition' | 'leader'>[] }[];

export type PartitionOffsets = {
  topic: string;
  partition: number;
  /** Exact int64 decimal strings; null when this partition could not be read (then `error` says why). */
  logStartOffset: string | null;
  /** READ_UNCOMMITTED end offset: what kafka-get-offsets and kafka-consumer-groups print as the log end. */
  highWatermark: string | null;
  error: string | null;
};

/** Bounds one request's size; a leader with more partitions gets several requests, sent concurrently. */
export const MAX_PARTITIONS_PER_REQUEST = 5_000;

type Ref = { topic: string; partition: number; row: PartitionOffsets };
type Field = 'logStartOffset' | 'highWatermark';

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function addError(row: PartitionOffsets, error: string) {
  if (!row.error?.includes(error)) row.error = row.error ? `${row.error}; ${error}` : error;
}

function request(refs: Ref[], timestamp: bigint): ListOffsetsInput {
  const topics = new Map<string, { partition: number; timestamp: bigint }[]>();
  for (const { topic, partition } of refs) {
    const list = topics.get(topic) ?? topics.set(topic, []).get(topic)!;
    list.push({ partition, timestamp });
  }
  return { isolationLevel: READ_UNCOMMITTED, topics: [...topics].map(([name, partitions]) => ({ name, partitions })) };
}

/** One ListOffsets for one timestamp; fills `field` of each row, or its error (per partition, or for the chunk). */
async function fill(broker: KafkajsBroker, brokerId: number, refs: Ref[], timestamp: bigint, field: Field) {
  const rows = new Map(refs.map((ref) => [key(ref.topic, ref.partition), ref.row]));
  const what = field === 'highWatermark' ? 'latest' : 'earliest';
  try {
    const response = await listOffsets(broker, request(refs, timestamp));
    for (const topic of response.topics) {
      for (const p of topic.partitions) {
        const row = rows.get(key(topic.name, p.partition));
        if (!row) continue;
        rows.delete(key(topic.name, p.partition));
        const error = kafkaError(p.errorCode);
        if (error) addError(row, `${error.type}: ${error.message}`);
        else row[field] = p.offset;
      }
    }
    for (const row of rows.values()) addError(row, `broker ${brokerId} did not answer for this partition (${what} offset)`);
  } catch (error) {
    for (const row of rows.values()) addError(row, brokerErrorText(error, brokerId));
  }
}

/**
 * A row loses both offsets when either is missing (a half-read partition would show a wrong message count).
 * Always a copy: requests of a broker that timed out may still answer later and must not change the result.
 */
function settle(row: PartitionOffsets): PartitionOffsets {
  return row.error ? { ...row, logStartOffset: null, highWatermark: null } : { ...row };
}

/**
 * The log start offset and high watermark of every partition in `layout`, in one wave: per leader broker, in
 * parallel, ONE ListOffsets request for latest (-1) and ONE for earliest (-2), both READ_UNCOMMITTED (kafkajs's
 * fetchTopicOffsets uses READ_COMMITTED, i.e. the last stable offset, one topic at a time). Leaders with more than
 * `MAX_PARTITIONS_PER_REQUEST` partitions get concurrent chunks. Never rejects: a leaderless partition, a
 * per-partition error code (e.g. the leader moved since `layout` was read) or a failed broker gives rows with
 * null offsets and an `error`. Rows come back in the order of `layout`.
 */
export async function readOffsets(
  connection: KafkaConnection,
  layout: OffsetsLayout,
  { timeoutMs, maxPartitionsPerRequest = MAX_PARTITIONS_PER_REQUEST }: { timeoutMs?: number; maxPartitionsPerRequest?: number } = {},
): Promise<PartitionOffsets[]> {
  const rows: PartitionOffsets[] = [];
  const byLeader = new Map<number, Ref[]>();
  for (const topic of layout) {
    for (const { partition, leader } of topic.partitions) {
      const row: PartitionOffsets = { topic: topic.name, partition, logStartOffset: null, highWatermark: null, error: null };
      rows.push(row);
      if (leader === null) {
        row.error = 'LEADER_NOT_AVAILABLE: the partition has no leader (offline)';
        continue;
      }
      const refs = byLeader.get(leader) ?? byLeader.set(leader, []).get(leader)!;
      refs.push({ topic: topic.name, partition, row });
    }
  }
  const outcomes = await onBrokers(
    connection,
    [...byLeader.keys()],
    async (broker, brokerId) => {
      const chunks = chunk(byLeader.get(brokerId) ?? [], maxPartitionsPerRequest);
      await Promise.all(
        chunks.flatMap((refs) => [
          fill(broker, brokerId, refs, LATEST_TIMESTAMP, 'highWatermark'),
          fill(broker, brokerId, refs, EARLIEST_TIMESTAMP, 'logStartOffset'),
        ]),
      );
    },
    { timeoutMs },
  );
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    for (const { row } of byLeader.get(outcome.brokerId) ?? []) addError(row, outcome.error);
  }
  return rows.map(settle);
}
