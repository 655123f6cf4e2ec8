import 'server-only';
import { ApiError } from '@/lib/errors';
import type { CreateTopicInput } from '@/lib/schemas/topic-admin';
import type { TopicDetailResponse } from '@/lib/schemas/topics';
import { collidingTopic } from '@/lib/schemas/topic-name';
import { withKafkaForwarded } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { toApiError } from '@/server/kafka/errors';
import { onControllerWithRetry } from '@/server/kafka/controller';
import { readClusterMetadata, type ClusterMetadata } from '@/server/kafka/metadata';
import { createTopics, type CreateTopicsInput } from '@/server/protocol/create-topics';
import { kafkaRefusal } from '@/server/kafka/kafka-refusal';
import { refreshedTopic } from '@/server/topics/refreshed-topic';
import { topicOnEveryBroker, untilPropagated } from '@/server/topics/propagation';
import { checkPartitionCount, KAFKA_TOPIC_TIMEOUT_MS, TOPIC_WRITE_DEADLINE_MS } from '@/server/topics/topic-guard';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

const CONFIRM_MS = 5_000;

const FIELDS_BY_TYPE = {
  INVALID_TOPIC_EXCEPTION: 'name',
  INVALID_PARTITIONS: 'partitions',
  INVALID_REPLICATION_FACTOR: 'replicationFactor',
};

/** What Kafka would refuse later, refused first with the field it is about: an existing, colliding name; RF above the live brokers. */
function checkAgainstCluster(input: CreateTopicInput, metadata: ClusterMetadata) {
  const names = metadata.topics.map((t) => t.name);
  if (names.includes(input.name))
    throw new ApiError('CONFLICT', `Topic "${input.name}" already exists`, {
      fieldErrors: { name: ['A topic with this name already exists'] },
    });
  const collision = collidingTopic(input.name, names);
  if (collision) {
    const message = `Collides with the existing topic "${collision}": Kafka treats "." and "_" alike in topic names`;
    throw new ApiError('VALIDATION', message, { fieldErrors: { name: [message] } });
  }
  const live = metadata.brokers.length;
  if (input.replicationFactor > live) {
    const message = `At most ${live}: the cluster has ${live} live broker${live === 1 ? '' : 's'}`;
    throw new ApiError('VALIDATION', `Replication factor ${input.replicationFactor} is larger than the live brokers`, {
      fieldErrors: { replicationFactor: [message] },
    });
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
  await withKafkaForwarded(
    clusterId,
    async (connection) => {
      const metadata = await readClusterMetadata(connection);
      checkAgainstCluster(input, metadata);
      const create = async (validateOnly: boolean) => {
        const [result] = await onControllerWithRetry(connection, (broker) => createTopics(broker, request(validateOnly)));
        // The topic was not there before this request: "already exists" is this request's own creation, answered
        // to a retry after the first answer was lost (the controller failed over, a socket closed).
        if (!validateOnly && result?.errorCode === KafkaErrorCode.TOPIC_ALREADY_EXISTS) return;
        const refusal = result
          ? kafkaRefusal(result.errorCode, result.errorMessage, fields)
          : new ApiError('KAFKA_ERROR', 'Kafka did not answer for the topic');
        if (refusal) throw refusal;
      };
      await create(true);
      try {
        await create(false);
      } catch (error) {
        if (!outcomeUnknown(error, clusterId)) throw error;
        await confirmCreated(connection, input.name);
      }
      const brokerIds = metadata.brokers.map((b) => b.id);
      await untilPropagated(async () => (await topicOnEveryBroker(connection, brokerIds, input.name)).every((n) => n === input.partitions));
    },
    { deadlineMs: TOPIC_WRITE_DEADLINE_MS },
  );
  return refreshedTopic(clusterId, input.name);
}

/** Whether a create that was sent may or may not have been carried out: Kafka did not answer it. */
const outcomeUnknown = (error: unknown, clusterId: string) => toApiError(error, clusterId).code === 'KAFKA_UNAVAILABLE';

/**
 * After a create that Kafka did not answer (the controller died with it), the cluster says what happened: the
 * topic is there (created), or it is not there yet — which on a ZooKeeper cluster may still change once a new
 * controller is elected, so the answer says to look before trying again rather than "not created".
 */
async function confirmCreated(connection: KafkaConnection, name: string) {
  const until = Date.now() + CONFIRM_MS;
  while (Date.now() < until) {
    const metadata = await readClusterMetadata(connection).catch(() => null);
    if (metadata?.topics.some((t) => t.name === name)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new ApiError(
    'KAFKA_UNAVAILABLE',
    `Kafka did not confirm the creation and topic "${name}" is not there: look at the topic list before trying again (a new controller may still create it)`,
  );
}
