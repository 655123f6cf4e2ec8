import 'server-only';
import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import { brokerErrorText, onBrokers } from '@/server/kafka/broker-wave';
import type { KafkaConnection } from '@/server/kafka/connection';
import type { PartitionLayout } from '@/server/kafka/metadata';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets, READ_UNCOMMITTED, type ListOffsetsInput } from '@/server/protocol/list-offsets';
import { kafkaError } from '@/server/kafka/send-request';

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

type Field = 'logStartOffset' | 'highWatermark';
/**
 * One chunk's rows, and their positions by topic then partition number (in layout order, as the requests list
 * them); shared by the chunk's latest and earliest requests.
 */
type Batch = { rows: PartitionOffsets[]; positions: Map<string, Map<number, number>> };

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

// Keyed by the layout's topic strings and by numbers: no `topic\0partition` string per partition and request
// (building and hashing those was the largest CPU cost of the offsets wave at 10,000 partitions).
function batch(rows: PartitionOffsets[]): Batch {
  const positions = new Map<string, Map<number, number>>();
  rows.forEach((row, i) => {
    let partitions = positions.get(row.topic);
    if (!partitions) positions.set(row.topic, (partitions = new Map()));
    partitions.set(row.partition, i);
  });
  return { rows, positions };
}

function addError(row: PartitionOffsets, error: string) {
  if (!row.error?.includes(error)) row.error = row.error ? `${row.error}; ${error}` : error;
}

function request({ positions }: Batch, timestamp: bigint): ListOffsetsInput {
  const topics: ListOffsetsInput['topics'] = [];
  for (const [name, partitionPositions] of positions) {
    const partitions: { partition: number; timestamp: bigint }[] = [];
    for (const partition of partitionPositions.keys()) partitions.push({ partition, timestamp });
    topics.push({ name, partitions });
  }
  return { isolationLevel: READ_UNCOMMITTED, topics };
}

/** One ListOffsets for one timestamp; fills `field` of each row, or its error (per partition, or for the chunk). */
async function fill(broker: KafkajsBroker, brokerId: number, batch: Batch, timestamp: bigint, field: Field) {
  // Per request: rows answered (a partition listed twice in a response counts once).
  const answered = new Uint8Array(batch.rows.length);
  const unanswered = () => batch.rows.filter((_, i) => !answered[i]);
  const what = field === 'highWatermark' ? 'latest' : 'earliest';
  try {
    const response = await listOffsets(broker, request(batch, timestamp));
    for (const topic of response.topics) {
      const positions = batch.positions.get(topic.name);
      if (!positions) continue;
      for (const p of topic.partitions) {
        const i = positions.get(p.partition);
        if (i === undefined || answered[i]) continue;
        answered[i] = 1;
        const row = batch.rows[i]!;
        const error = kafkaError(p.errorCode);
        if (error) addError(row, `${error.type}: ${error.message}`);
        else row[field] = p.offset;
      }
    }
    for (const row of unanswered()) addError(row, `broker ${brokerId} did not answer for this partition (${what} offset)`);
  } catch (error) {
    for (const row of unanswered()) addError(row, brokerErrorText(error, brokerId));
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
  {
    timeoutMs,
    maxPartitionsPerRequest = MAX_PARTITIONS_PER_REQUEST,
    earliest = true,
  }: {
    timeoutMs?: number;
    maxPartitionsPerRequest?: number;
    /** false: only the high watermark (lag needs no log start), one request per leader instead of two. */
    earliest?: boolean;
  } = {},
): Promise<PartitionOffsets[]> {
  const rows: PartitionOffsets[] = [];
  const byLeader = new Map<number, PartitionOffsets[]>();
  for (const topic of layout) {
    for (const { partition, leader } of topic.partitions) {
      const row: PartitionOffsets = { topic: topic.name, partition, logStartOffset: null, highWatermark: null, error: null };
      rows.push(row);
      if (leader === null) {
        row.error = 'LEADER_NOT_AVAILABLE: the partition has no leader (offline)';
        continue;
      }
      let led = byLeader.get(leader);
      if (!led) byLeader.set(leader, (led = []));
      led.push(row);
    }
  }
  const outcomes = await onBrokers(
    connection,
    [...byLeader.keys()],
    async (broker, brokerId) => {
      const batches = chunk(byLeader.get(brokerId) ?? [], maxPartitionsPerRequest).map(batch);
      await Promise.all(
        batches.flatMap((rows) => [
          fill(broker, brokerId, rows, LATEST_TIMESTAMP, 'highWatermark'),
          ...(earliest ? [fill(broker, brokerId, rows, EARLIEST_TIMESTAMP, 'logStartOffset')] : []),
        ]),
      );
    },
    { timeoutMs },
  );
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    for (const row of byLeader.get(outcome.brokerId) ?? []) addError(row, outcome.error);
  }
  return rows.map(settle);
}
