import 'server-only';
import { ApiError } from '@/lib/errors';
import type { CreateTopicInput } from '@/lib/schemas/topic-admin';
import type { TopicDetailResponse } from '@/lib/schemas/topics';
import { collidingTopic } from '@/lib/schemas/topic-name';
import { withKafka } from '@/server/kafka/clients';
import { onControllerWithRetry } from '@/server/kafka/controller';
import { readClusterMetadata, type ClusterMetadata } from '@/server/kafka/metadata';
import { createTopics, type CreateTopicsInput } from '@/server/protocol/create-topics';
import { kafkaRefusal } from '@/server/kafka/kafka-refusal';
import { refreshedTopic } from '@/server/topics/refreshed-topic';
import { topicOnEveryBroker, untilPropagated } from '@/server/topics/propagation';
import { checkPartitionCount, KAFKA_TOPIC_TIMEOUT_MS, TOPIC_WRITE_DEADLINE_MS } from '@/server/topics/topic-guard';

const FIELDS_BY_TYPE = { INVALID_TOPIC_EXCEPTION: 'name', INVALID_PARTITIONS: 'partitions', INVALID_REPLICATION_FACTOR: 'replicationFactor' };

/** What Kafka would refuse later, refused first with the field it is about: an existing, colliding name; RF above the live brokers. */
function checkAgainstCluster(input: CreateTopicInput, metadata: ClusterMetadata) {
  const names = metadata.topics.map((t) => t.name);
  if (names.includes(input.name)) throw new ApiError('CONFLICT', `Topic "${input.name}" already exists`, { fieldErrors: { name: ['A topic with this name already exists'] } });
  const collision = collidingTopic(input.name, names);
  if (collision) {
    const message = `Collides with the existing topic "${collision}": Kafka treats "." and "_" alike in topic names`;
    throw new ApiError('VALIDATION', message, { fieldErrors: { name: [message] } });
  }
  const live = metadata.brokers.length;
  if (input.replicationFactor > live) {
    const message = `At most ${live}: the cluster has ${live} live broker${live === 1 ? '' : 's'}`;
    throw new ApiError('VALIDATION', `Replication factor ${input.replicationFactor} is larger than the live brokers`, { fieldErrors: { replicationFactor: [message] } });
  }
}

/**
 * Creates a topic as kafka-topics --create does (CreateTopics on the controller), after the console's own checks and
 * a validateOnly dry run of the same request, so Kafka's refusal of a config value reaches the form as a field
 * error and nothing is created. Answers once every live broker knows the topic and its leaders.
 */
export async function createTopic(clusterId: string, input: CreateTopicInput): Promise<TopicDetailResponse> {
  checkPartitionCount(clusterId, input.partitions, 'partitions');
  const configs = Object.entries(input.configs ?? {}).map(([name, value]) => ({ name, value }));
  const fields = { configField: 'configs', configKeys: configs.map((c) => c.name), byType: FIELDS_BY_TYPE };
  const request = (validateOnly: boolean): CreateTopicsInput => ({
    topics: [{ name: input.name, numPartitions: input.partitions, replicationFactor: input.replicationFactor, assignments: [], configs }],
    timeoutMs: KAFKA_TOPIC_TIMEOUT_MS,
    validateOnly,
  });
  await withKafka(
    clusterId,
    async (connection) => {
      const metadata = await readClusterMetadata(connection);
      checkAgainstCluster(input, metadata);
      for (const validateOnly of [true, false]) {
        const [result] = await onControllerWithRetry(connection, (broker) => createTopics(broker, request(validateOnly)));
        const refusal = result ? kafkaRefusal(result.errorCode, result.errorMessage, fields) : new ApiError('KAFKA_ERROR', 'Kafka did not answer for the topic');
        if (refusal) throw refusal;
      }
      const brokerIds = metadata.brokers.map((b) => b.id);
      await untilPropagated(async () => (await topicOnEveryBroker(connection, brokerIds, input.name)).every((n) => n === input.partitions));
    },
    { deadlineMs: TOPIC_WRITE_DEADLINE_MS },
  );
  return refreshedTopic(clusterId, input.name);
}
