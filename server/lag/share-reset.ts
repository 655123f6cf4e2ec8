import 'server-only';
import { ApiError } from '@/lib/errors';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { partitionKey } from '@/server/kafka/partition-key';
import { kafkaError } from '@/server/kafka/send-request';
import { assertInactive, type GroupPosition } from '@/server/lag/group-coordinator';
import { alterShareGroupOffsets } from '@/server/protocol/alter-share-group-offsets';
import { deleteShareGroupOffsets } from '@/server/protocol/delete-share-group-offsets';
import { describeShareGroup } from '@/server/lag/share-groups';

/**
 * A share group as a reset needs it, on its coordinator: state, members and each share-partition's start offset
 * (in `committed`, so that the consumer groups' planner serves both). null when the id names no share group.
 */
export async function readSharePosition(broker: KafkajsBroker, groupId: string): Promise<GroupPosition | null> {
  const read = await describeShareGroup(broker, groupId);
  if (!read) return null;
  if (read.error)
    throw kafkaError(read.errorCode) ?? new ApiError('KAFKA_UNAVAILABLE', `Share group "${groupId}" could not be read: ${read.error}`);
  const committed = new Map(read.offsets.map((row) => [partitionKey(row.topic, row.partition), row.startOffset]));
  return { groupId, state: read.state, memberCount: read.members.length, committed };
}

/**
 * AlterShareGroupOffsets on the coordinator, as kafka-share-groups --reset-offsets --execute: the group checked
 * empty right before (Kafka refuses a live group too, NON_EMPTY_GROUP: 409 either way).
 */
export async function writeShareStartOffsets(
  broker: KafkajsBroker,
  groupId: string,
  rows: readonly { topic: string; partition: number; newOffset: string }[],
) {
  const position = await readSharePosition(broker, groupId);
  if (!position) throw new ApiError('NOT_FOUND', `Share group "${groupId}" does not exist`);
  assertInactive(position, 'reset its start offsets');
  const byTopic = new Map<string, { partition: number; startOffset: bigint }[]>();
  for (const row of rows) {
    const partitions = byTopic.get(row.topic) ?? [];
    byTopic.set(row.topic, partitions);
    partitions.push({ partition: row.partition, startOffset: BigInt(row.newOffset) });
  }
  const response = await alterShareGroupOffsets(broker, {
    groupId,
    topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })),
  });
  if (response.errorCode === KafkaErrorCode.NON_EMPTY_GROUP)
    throw new ApiError('CONFLICT', `Share group "${groupId}" has active members: stop its consumers to reset its start offsets`);
  const groupError = kafkaError(response.errorCode, response.errorMessage);
  if (groupError) throw groupError;
  const failed = response.topics.flatMap((t) => t.partitions.filter((p) => p.errorCode !== 0).map((p) => ({ topic: t.topic, ...p })));
  const first = failed[0];
  if (!first) return;
  const error = kafkaError(first.errorCode, first.errorMessage)!;
  error.message = `${error.message} (${failed.length} of ${rows.length} partitions not reset, e.g. ${first.topic}-${first.partition})`;
  throw error;
}

/**
 * DeleteShareGroupOffsets on the coordinator, as kafka-share-groups --delete-offsets --topic: the group forgets its
 * start offsets on every partition of the topic (its members would start over from share.auto.offset.reset). Kafka
 * refuses while the group has members (NON_EMPTY_GROUP: 409).
 */
export async function deleteShareStartOffsets(broker: KafkajsBroker, groupId: string, topic: string) {
  const response = await deleteShareGroupOffsets(broker, { groupId, topics: [topic] });
  if (response.errorCode === KafkaErrorCode.NON_EMPTY_GROUP)
    throw new ApiError('CONFLICT', `Share group "${groupId}" has active members: stop its consumers to delete its start offsets`);
  if (response.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND) throw new ApiError('NOT_FOUND', `Share group "${groupId}" does not exist`);
  const groupError = kafkaError(response.errorCode, response.errorMessage);
  if (groupError) throw groupError;
  const failed = response.topics.find((t) => t.errorCode !== 0);
  if (failed) throw kafkaError(failed.errorCode, failed.errorMessage)!;
}
