import 'server-only';
import { ApiError, type FieldErrors } from '@/lib/errors';
import type { DeleteRecordsInput, DeleteRecordsResponse } from '@/lib/schemas/topic-admin';
import { refreshSnapshotAfter } from '@/server/cluster-state/snapshot';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka } from '@/server/kafka/clients';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets } from '@/server/kafka/offsets';
import { deleteRecords as deleteRecordsRequest } from '@/server/protocol/delete-records';
import { kafkaError } from '@/server/kafka/send-request';
import { TOPIC_WRITE_DEADLINE_MS, changeableTopic } from '@/server/topics/topic-guard';

const KAFKA_TIMEOUT_MS = 10_000;

type Target = { partition: number; offset: bigint; leader: number };

/** Partitions must exist and have a leader; an offset past the high watermark is refused (Kafka: OFFSET_OUT_OF_RANGE). */
function checkTargets(
  input: DeleteRecordsInput,
  partitions: { partition: number; leader: number | null }[],
  highWatermarks: Map<number, string | null>,
): Target[] {
  const fieldErrors: FieldErrors = {};
  const targets: Target[] = [];
  input.before.forEach(({ partition, offset }, i) => {
    const layout = partitions.find((p) => p.partition === partition);
    const hwm = highWatermarks.get(partition);
    if (!layout) fieldErrors[`before.${i}.partition`] = [`The topic has no partition ${partition}`];
    else if (layout.leader === null || hwm === null || hwm === undefined)
      fieldErrors[`before.${i}.partition`] = [`Partition ${partition} has no leader: it cannot be purged now`];
    else if (BigInt(offset) > BigInt(hwm)) fieldErrors[`before.${i}.offset`] = [`Beyond the partition's high watermark (${hwm})`];
    else targets.push({ partition, offset: BigInt(offset), leader: layout.leader });
  });
  if (Object.keys(fieldErrors).length > 0) throw new ApiError('VALIDATION', 'Some partitions cannot be purged as asked', { fieldErrors });
  return targets;
}

/**
 * Deletes the records before the given offsets (DeleteRecords to each partition's leader, in parallel), as
 * kafka-delete-records does: each partition's log start offset becomes the offset (or stays, when already past it).
 * Answers each partition's log start offset afterwards; a partition Kafka refused fails the whole answer with its
 * reason, after the others were purged.
 */
export async function deleteTopicRecords(clusterId: string, topic: string, input: DeleteRecordsInput): Promise<DeleteRecordsResponse> {
  const partitions = await withKafka(
    clusterId,
    async (connection) => {
      const metadata = await readClusterMetadata(connection);
      const meta = changeableTopic(metadata, topic);
      const wanted = new Set(input.before.map((b) => b.partition));
      const offsets = await readOffsets(connection, [{ name: topic, partitions: meta.partitions.filter((p) => wanted.has(p.partition)) }], {
        earliest: false,
      });
      const targets = checkTargets(input, meta.partitions, new Map(offsets.map((o) => [o.partition, o.highWatermark])));
      const byLeader = new Map<number, Target[]>();
      for (const t of targets) byLeader.set(t.leader, [...(byLeader.get(t.leader) ?? []), t]);
      const outcomes = await onBrokers(connection, [...byLeader.keys()], (broker, leader) =>
        deleteRecordsRequest(broker, {
          topics: [{ name: topic, partitions: byLeader.get(leader)!.map((t) => ({ partition: t.partition, offset: t.offset })) }],
          timeoutMs: KAFKA_TIMEOUT_MS,
        }),
      );
      const failed = outcomes.find((o) => !o.ok);
      if (failed && !failed.ok) throw new ApiError('KAFKA_UNAVAILABLE', `Purging on broker ${failed.brokerId} failed: ${failed.error}`);
      const results = outcomes.flatMap((o) => (o.ok ? o.value.flatMap((t) => t.partitions) : []));
      const refused = results.find((r) => r.errorCode !== 0);
      if (refused) throw kafkaError(refused.errorCode, `partition ${refused.partition}`);
      return results.map((r) => ({ partition: r.partition, logStartOffset: r.lowWatermark })).sort((a, b) => a.partition - b.partition);
    },
    { deadlineMs: TOPIC_WRITE_DEADLINE_MS },
  );
  await refreshSnapshotAfter(clusterId, Date.now());
  return { topic, partitions };
}
