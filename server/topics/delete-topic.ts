import 'server-only';
import { ApiError } from '@/lib/errors';
import type { DeleteTopicResponse } from '@/lib/schemas/topic-admin';
import { refreshSnapshotAfter } from '@/server/cluster-state/snapshot';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { onControllerWithRetry } from '@/server/kafka/controller';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { deleteTopics } from '@/server/protocol/delete-topics';
import { kafkaRefusal } from '@/server/kafka/kafka-refusal';
import { topicOnEveryBroker, untilPropagated } from '@/server/topics/propagation';
import { KAFKA_TOPIC_TIMEOUT_MS, TOPIC_WRITE_DEADLINE_MS, changeableTopic } from '@/server/topics/topic-guard';
import { refreshTopicView } from '@/server/topics/topic-view';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

const FIELDS = { configField: 'request', configKeys: [], byType: {} };

/** DeleteTopics on the controller, as kafka-topics --delete; answers once no live broker lists the topic. */
export async function deleteTopic(clusterId: string, topic: string): Promise<DeleteTopicResponse> {
  await withKafkaForwarded(
    clusterId,
    async (connection) => {
      const metadata = await readClusterMetadata(connection);
      changeableTopic(metadata, topic);
      const [result] = await onControllerWithRetry(connection, (broker) =>
        deleteTopics(broker, { names: [topic], timeoutMs: KAFKA_TOPIC_TIMEOUT_MS }),
      );
      if (result?.errorCode === KafkaErrorCode.TOPIC_DELETION_DISABLED) {
        throw new ApiError('CONFLICT', 'Topic deletion is disabled on this cluster (delete.topic.enable=false)');
      }
      const refusal = result
        ? kafkaRefusal(result.errorCode, result.errorMessage, FIELDS)
        : new ApiError('KAFKA_ERROR', 'Kafka did not answer for the topic');
      if (refusal) throw refusal;
      const brokerIds = metadata.brokers.map((b) => b.id);
      await untilPropagated(async () => (await topicOnEveryBroker(connection, brokerIds, topic)).every((n) => n === null));
    },
    { deadlineMs: TOPIC_WRITE_DEADLINE_MS },
  );
  await Promise.all([refreshSnapshotAfter(clusterId, Date.now()), refreshTopicView(clusterId, topic)]);
  return { topic, deleted: true };
}
