import 'server-only';
import { ApiError } from '@/lib/errors';
import { isInternalTopicName } from '@/lib/schemas/topic-name';
import { getClusterConfig } from '@/server/config/current';
import type { ClusterMetadata } from '@/server/kafka/metadata';

/** Writes to a topic are given this long (Kafka's own timeout inside it is shorter): creation waits for leaders. */
export const TOPIC_WRITE_DEADLINE_MS = 20_000;
/** CreateTopics / CreatePartitions / DeleteTopics timeout: how long the controller may take before answering. */
export const KAFKA_TOPIC_TIMEOUT_MS = 10_000;

/** The topic in fresh metadata, refused when it is one of Kafka's internal topics; 404 when it does not exist. */
export function changeableTopic(metadata: ClusterMetadata, topic: string) {
  const meta = metadata.topics.find((t) => t.name === topic);
  if (meta?.internal || isInternalTopicName(topic)) {
    throw new ApiError('FORBIDDEN', `"${topic}" is one of Kafka's internal topics: the console does not change or delete it`);
  }
  if (!meta) throw new ApiError('NOT_FOUND', `Topic "${topic}" does not exist`);
  return meta;
}

/** The replication factor as kafka-topics reports it: the size of the first partition's replica list. */
export const replicationFactorOf = (topic: ClusterMetadata['topics'][number]) =>
  topic.partitions.find((p) => p.partition === 0)?.replicas.length ?? 0;

/** The cluster's bound on partitions per topic (`maxPartitionsPerTopic`): 422 on `field` above it. */
export function checkPartitionCount(clusterId: string, count: number, field: string) {
  const max = getClusterConfig(clusterId).maxPartitionsPerTopic;
  if (count > max) {
    const message = `At most ${max.toLocaleString('en-US')} partitions per topic on this cluster (maxPartitionsPerTopic)`;
    throw new ApiError('VALIDATION', message, { fieldErrors: { [field]: [message] } });
  }
}
