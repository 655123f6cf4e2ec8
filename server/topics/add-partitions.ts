import 'server-only';
import { ApiError } from '@/lib/errors';
import type { AddPartitionsInput } from '@/lib/schemas/topic-admin';
import type { TopicDetailResponse } from '@/lib/schemas/topics';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { onControllerWithRetry } from '@/server/kafka/controller';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { createPartitions } from '@/server/protocol/create-partitions';
import { kafkaRefusal } from '@/server/kafka/kafka-refusal';
import { topicOnEveryBroker, untilPropagated } from '@/server/topics/propagation';
import { refreshedTopic } from '@/server/topics/refreshed-topic';
import { changeableTopic, checkPartitionCount, KAFKA_TOPIC_TIMEOUT_MS, TOPIC_WRITE_DEADLINE_MS } from '@/server/topics/topic-guard';

const FIELDS = {
  configField: 'request',
  configKeys: [],
  byType: { INVALID_PARTITIONS: 'totalCount', INVALID_REPLICATION_FACTOR: 'totalCount', INVALID_REPLICA_ASSIGNMENT: 'totalCount' },
};

/**
 * Raises the topic's partition count to `totalCount` (CreatePartitions on the controller, as kafka-topics --alter
 * --partitions), never lowers it: Kafka cannot. Kafka places the new replicas; keyed records may map to other
 * partitions from now on.
 */
export async function addPartitions(clusterId: string, topic: string, { totalCount }: AddPartitionsInput): Promise<TopicDetailResponse> {
  checkPartitionCount(clusterId, totalCount, 'totalCount');
  await withKafkaForwarded(
    clusterId,
    async (connection) => {
      const metadata = await readClusterMetadata(connection);
      const current = changeableTopic(metadata, topic).partitions.length;
      if (totalCount <= current) {
        const message =
          totalCount === current
            ? `The topic already has ${current} partitions`
            : `Partitions can only be added: the topic has ${current}, Kafka cannot remove any`;
        throw new ApiError('VALIDATION', message, { fieldErrors: { totalCount: [message] } });
      }
      const [result] = await onControllerWithRetry(connection, (broker) =>
        createPartitions(broker, {
          topics: [{ name: topic, count: totalCount, assignments: null }],
          timeoutMs: KAFKA_TOPIC_TIMEOUT_MS,
          validateOnly: false,
        }),
      );
      const refusal = result
        ? kafkaRefusal(result.errorCode, result.errorMessage, FIELDS)
        : new ApiError('KAFKA_ERROR', 'Kafka did not answer for the topic');
      if (refusal) throw refusal;
      const brokerIds = metadata.brokers.map((b) => b.id);
      await untilPropagated(async () => (await topicOnEveryBroker(connection, brokerIds, topic)).every((n) => n === totalCount));
    },
    { deadlineMs: TOPIC_WRITE_DEADLINE_MS },
  );
  return refreshedTopic(clusterId, topic);
}
