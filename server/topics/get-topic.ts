import 'server-only';
import { ApiError } from '@/lib/errors';
import type { ConfigEntry, ConfigListResponse } from '@/lib/schemas/configs';
import type { TopicDetailResponse } from '@/lib/schemas/topics';
import { getClusterSnapshot, type ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { partitionKey } from '@/server/kafka/partition-key';
import { leaderSizes } from '@/server/cluster-state/topic-summary';
import { withKafka } from '@/server/kafka/clients';
import { toConfigEntries } from '@/server/kafka/config-entries';
import { describeTopicConfigs } from '@/server/kafka/topic-configs';
import { kafkaError } from '@/server/kafka/send-request';

/** Every config of one topic with where its value comes from; sensitive values never leave the server. */
async function readTopicConfigs(clusterId: string, topic: string): Promise<ConfigEntry[]> {
  const entries = await withKafka(clusterId, async (c) => {
    const [resource] = await describeTopicConfigs(c, [topic]);
    // Inside withKafka: a Kafka error (the topic deleted meanwhile) maps to its API error.
    const error = resource ? kafkaError(resource.errorCode, resource.errorMessage) : null;
    if (error) throw error;
    return resource?.configEntries ?? [];
  });
  return toConfigEntries(entries, 'topic');
}

/** A name missing from a recent snapshot is looked up once more in a fresh one before the 404. */
async function snapshotWith(clusterId: string, topic: string): Promise<ClusterSnapshot> {
  const recent = await getClusterSnapshot(clusterId);
  if (recent.metadata.topics.some((t) => t.name === topic)) return recent;
  return getClusterSnapshot(clusterId, { maxAgeMs: 0 });
}

/** The topic's partitions from the snapshot and, unless `configs: false`, its configs (one DescribeConfigs). */
export async function getTopic(clusterId: string, topic: string, { configs: withConfigs = true } = {}): Promise<TopicDetailResponse> {
  // Configs in parallel with the snapshot: two bounded Kafka reads must not add up past the route's deadline.
  const configsRead = withConfigs ? readTopicConfigs(clusterId, topic) : undefined;
  configsRead?.catch(() => {}); // awaited below, after the 404 check; never an unhandled rejection meanwhile
  const snapshot = await snapshotWith(clusterId, topic);
  const meta = snapshot.metadata.topics.find((t) => t.name === topic);
  if (!meta) throw new ApiError('NOT_FOUND', `Topic "${topic}" does not exist`);
  const sizes = leaderSizes(snapshot);
  const configs = await configsRead;
  const partitions = meta.partitions.map((p) => {
    const offsets = snapshot.offsets.get(partitionKey(topic, p.partition));
    const size = sizes.get(partitionKey(topic, p.partition));
    return {
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offlineReplicas: p.offlineReplicas,
      logStartOffset: offsets?.logStartOffset ?? null,
      highWatermark: offsets?.highWatermark ?? null,
      sizeBytes: size === undefined ? null : size.toString(),
      ...(offsets?.error ? { error: offsets.error } : {}),
    };
  });
  const minIsr = snapshot.minIsr.get(topic) ?? null;
  const partial = snapshot.errors.length > 0 || partitions.some((p) => p.error);
  return {
    asOf: snapshot.asOf,
    name: topic,
    internal: meta.internal,
    ...(partial ? { partial: true } : {}),
    minInsyncReplicas: minIsr,
    partitions,
    ...(configs ? { configs } : {}),
  };
}

/** Only the configs; a topic Kafka does not know answers 404 (UNKNOWN_TOPIC_OR_PARTITION). */
export async function getTopicConfigs(clusterId: string, topic: string): Promise<ConfigListResponse> {
  const configs = await readTopicConfigs(clusterId, topic);
  return { asOf: Date.now(), configs };
}
