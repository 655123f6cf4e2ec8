import 'server-only';
import { ApiError } from '@/lib/errors';
import type { DeleteGroupOffsetsResponse, DeleteGroupResponse } from '@/lib/schemas/offset-reset';
import { withKafka } from '@/server/kafka/clients';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { onGroupCoordinator } from '@/server/lag/group-coordinator';
import { knownGroupType, refreshOwnApiGroup } from '@/server/lag/get-group-detail';
import { describeShareGroup } from '@/server/lag/share-groups';
import { deleteShareStartOffsets } from '@/server/lag/share-reset';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getGroupRead } from '@/server/lag/read-group';
import { deleteGroups } from '@/server/protocol/delete-groups';
import { deleteOffsets } from '@/server/protocol/offset-delete';
import { kafkaError } from '@/server/kafka/send-request';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

/** Group pages (2 s) and lists (5 s) poll shared reads: fresh ones make the next poll show the change. */
const refreshGroups = (clusterId: string, groupId: string) =>
  Promise.all([
    getGroupsSnapshot(clusterId, { maxAgeMs: 0 }),
    getGroupRead(clusterId, groupId, { maxAgeMs: 0 }),
    refreshOwnApiGroup(clusterId, groupId),
  ]).then(
    () => undefined,
    () => undefined,
  );

/**
 * DeleteGroups (API 42) on the coordinator, as kafka-consumer-groups --delete (kafka-share-groups --delete for a share
 * group): refused by Kafka while members are active.
 */
export async function deleteConsumerGroup(clusterId: string, groupId: string): Promise<DeleteGroupResponse> {
  await withKafka(clusterId, (connection) =>
    onGroupCoordinator(connection, groupId, async (broker) => {
      const result = (await deleteGroups(broker, [groupId])).find((r) => r.groupId === groupId);
      const code = result?.errorCode ?? 0;
      if (code === KafkaErrorCode.NON_EMPTY_GROUP)
        throw new ApiError('CONFLICT', `Consumer group "${groupId}" has active members: stop its consumers to delete it`);
      if (code === KafkaErrorCode.GROUP_ID_NOT_FOUND) throw new ApiError('NOT_FOUND', `Consumer group "${groupId}" does not exist`);
      if (!result) throw new ApiError('KAFKA_ERROR', `Kafka did not answer for consumer group "${groupId}"`);
      const error = kafkaError(code);
      if (error) throw error;
    }),
  );
  await refreshGroups(clusterId, groupId);
  return { groupId, deleted: true };
}

/**
 * OffsetDelete (API 47) for every partition of `topic`, as kafka-consumer-groups --delete-offsets --topic: the
 * topic must exist; Kafka refuses (GROUP_SUBSCRIBED_TO_TOPIC) while a live member is subscribed to it. A share
 * group's start offsets are deleted with their own API (DeleteShareGroupOffsets, as kafka-share-groups does).
 */
export async function deleteGroupOffsets(clusterId: string, groupId: string, topic: string): Promise<DeleteGroupOffsetsResponse> {
  const partitions = await withKafka(clusterId, async (connection) => {
    const metadata = await readClusterMetadata(connection);
    const partitions = metadata.topics
      .find((t) => t.name === topic)
      ?.partitions.map((p) => p.partition)
      .sort((a, b) => a - b);
    if (!partitions) throw new ApiError('NOT_FOUND', `Topic "${topic}" does not exist`);
    return onGroupCoordinator(connection, groupId, async (broker) => {
      // A type the group's page read is trusted; otherwise the share API is asked (a group id names one group).
      const known = knownGroupType(clusterId, groupId);
      if (known === 'share' || (known === undefined && (await describeShareGroup(broker, groupId)))) {
        await deleteShareStartOffsets(broker, groupId, topic);
        return partitions;
      }
      const response = await deleteOffsets(broker, { groupId, topics: [{ name: topic, partitions }] });
      if (response.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND)
        throw new ApiError('NOT_FOUND', `Consumer group "${groupId}" does not exist`);
      if (response.errorCode === KafkaErrorCode.NON_EMPTY_GROUP)
        throw new ApiError('CONFLICT', `Consumer group "${groupId}" has active members: stop its consumers first`);
      const groupError = kafkaError(response.errorCode);
      if (groupError) throw groupError;
      const failed = response.topics.flatMap((t) => t.partitions.filter((p) => p.errorCode !== 0));
      if (failed.some((p) => p.errorCode === KafkaErrorCode.GROUP_SUBSCRIBED_TO_TOPIC)) {
        throw new ApiError(
          'CONFLICT',
          `Consumer group "${groupId}" has active members subscribed to topic "${topic}": stop them to delete its offsets`,
        );
      }
      const partitionError = failed[0] ? kafkaError(failed[0].errorCode) : null;
      if (partitionError) throw partitionError;
      return partitions;
    });
  });
  await refreshGroups(clusterId, groupId);
  return { groupId, topic, partitions };
}
