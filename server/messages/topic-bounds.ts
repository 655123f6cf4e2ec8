import 'server-only';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { readOffsets } from '@/server/kafka/offsets';

export type PartitionBounds = {
  partition: number;
  leader: number | null;
  /** null when the partition's offsets could not be read (`error` says why). */
  logStart: bigint | null;
  highWatermark: bigint | null;
  error: string | null;
};

/** The topic's partitions and their leaders: one Metadata request for this topic alone (404 when it does not exist). */
export async function readTopicLeaders(connection: KafkaConnection, topic: string): Promise<Map<number, number | null>> {
  const metadata = await onAnyBroker(connection, (broker) => broker.metadata([topic]));
  const found = metadata.topicMetadata.find((t) => t.topic === topic);
  const leaders = new Map<number, number | null>();
  for (const p of found?.partitionMetadata ?? []) leaders.set(p.partitionId, p.leader >= 0 ? p.leader : null);
  return new Map([...leaders].sort(([a], [b]) => a - b));
}

/**
 * Log start and high watermark of the chosen partitions (all by default): one ListOffsets per leader for each end,
 * READ_UNCOMMITTED, as kafka-get-offsets reads them.
 */
export async function readTopicBounds(
  connection: KafkaConnection,
  topic: string,
  leaders: Map<number, number | null>,
  partitions: readonly number[],
): Promise<PartitionBounds[]> {
  const layout = [{ name: topic, partitions: partitions.map((partition) => ({ partition, leader: leaders.get(partition) ?? null })) }];
  const rows = await readOffsets(connection, layout);
  return rows.map((row) => ({
    partition: row.partition,
    leader: leaders.get(row.partition) ?? null,
    logStart: row.logStartOffset === null ? null : BigInt(row.logStartOffset),
    highWatermark: row.highWatermark === null ? null : BigInt(row.highWatermark),
    error: row.error,
  }));
}
