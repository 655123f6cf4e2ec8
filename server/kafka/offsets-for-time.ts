import 'server-only';
import { onBrokers } from '@/server/kafka/broker-wave';
import type { KafkaConnection } from '@/server/kafka/connection';
import type { OffsetsLayout } from '@/server/kafka/offsets';
import { partitionKey } from '@/server/kafka/partition-key';
import { listOffsets, READ_UNCOMMITTED } from '@/server/protocol/list-offsets';
import { kafkaError } from '@/server/kafka/send-request';

export type OffsetsForTime = {
  /** By partitionKey: the first offset whose record timestamp is ≥ the time; null when there is none. */
  offsets: Map<string, string | null>;
  /** By partitionKey: why a partition could not be read. */
  errors: Map<string, string>;
};

/**
 * The admin client's listOffsets(OffsetSpec.forTimestamp(t)) for every partition of `layout`, in one wave: one
 * ListOffsets per leader, READ_UNCOMMITTED (up to the high watermark, as the CLI's --to-datetime reads it). Kafka
 * answers offset -1 when no record is at or after the time. Never rejects: failures are per partition.
 */
export async function readOffsetsForTime(connection: KafkaConnection, layout: OffsetsLayout, timestamp: number): Promise<OffsetsForTime> {
  const offsets = new Map<string, string | null>();
  const errors = new Map<string, string>();
  const byLeader = new Map<number, { name: string; partitions: { partition: number; timestamp: bigint }[] }[]>();
  for (const topic of layout) {
    for (const { partition, leader } of topic.partitions) {
      if (leader === null) {
        errors.set(partitionKey(topic.name, partition), 'LEADER_NOT_AVAILABLE: the partition has no leader (offline)');
        continue;
      }
      const topics = byLeader.get(leader) ?? [];
      byLeader.set(leader, topics);
      let entry = topics.find((t) => t.name === topic.name);
      if (!entry) topics.push((entry = { name: topic.name, partitions: [] }));
      entry.partitions.push({ partition, timestamp: BigInt(timestamp) });
    }
  }
  const outcomes = await onBrokers(connection, [...byLeader.keys()], (broker, brokerId) =>
    listOffsets(broker, { isolationLevel: READ_UNCOMMITTED, topics: byLeader.get(brokerId) ?? [] }),
  );
  for (const outcome of outcomes) {
    const asked = byLeader.get(outcome.brokerId) ?? [];
    if (!outcome.ok) {
      for (const t of asked) for (const p of t.partitions) errors.set(partitionKey(t.name, p.partition), outcome.error);
      continue;
    }
    for (const topic of outcome.value.topics) {
      for (const p of topic.partitions) {
        const error = kafkaError(p.errorCode);
        const key = partitionKey(topic.name, p.partition);
        if (error) errors.set(key, `${error.type}: ${error.message}`);
        else offsets.set(key, BigInt(p.offset) < 0n ? null : p.offset);
      }
    }
    for (const t of asked) {
      for (const p of t.partitions) {
        const key = partitionKey(t.name, p.partition);
        if (!offsets.has(key) && !errors.has(key)) errors.set(key, `broker ${outcome.brokerId} did not answer for this partition`);
      }
    }
  }
  return { offsets, errors };
}
