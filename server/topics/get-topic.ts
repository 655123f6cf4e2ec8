import 'server-only';
import { ApiError } from '@/lib/errors';
import type { ConfigEntry, ConfigListResponse } from '@/lib/schemas/configs';
import type { TopicDetailResponse } from '@/lib/schemas/topics';
import { partitionKey } from '@/server/kafka/partition-key';
import { withKafka } from '@/server/kafka/clients';
import { toConfigEntries } from '@/server/kafka/config-entries';
import { toApiError } from '@/server/kafka/errors';
import { describeOneTopicConfigs } from '@/server/kafka/topic-configs';
import { getTopicView } from '@/server/topics/topic-view';
import { VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';

/** Every config of one topic with where its value comes from; sensitive values never leave the server. */
async function readTopicConfigs(clusterId: string, topic: string): Promise<ConfigEntry[]> {
  // Inside withKafka: a Kafka error (the topic deleted meanwhile) maps to its API error.
  const entries = await withKafka(clusterId, (c) => describeOneTopicConfigs(c, topic));
  return toConfigEntries(entries, 'topic');
}

/**
 * The topic's partitions, min.insync.replicas and (unless `configs: false`) its configs, read for this topic alone
 * and shared while younger than `maxAgeMs` (topic-view.ts). Configs Kafka refused fail the call with that refusal.
 */
export async function getTopic(
  clusterId: string,
  topic: string,
  { configs: withConfigs = true, maxAgeMs = VIEW_MAX_AGE_MS } = {},
): Promise<TopicDetailResponse> {
  // A topic just created may not have reached the broker that answered yet: asked once more before the 404.
  const view = (await getTopicView(clusterId, topic, { maxAgeMs })) ?? (await getTopicView(clusterId, topic, { maxAgeMs: 0 }));
  if (!view) throw new ApiError('NOT_FOUND', `Topic "${topic}" does not exist`);
  // Mapped to the API's error (403 for an authorization failure, 502 otherwise) as any Kafka error is.
  if (withConfigs && 'error' in view.configs) throw toApiError(view.configs.error, clusterId);
  const configs = withConfigs && 'entries' in view.configs ? toConfigEntries(view.configs.entries, 'topic') : undefined;
  const partitions = view.layout.partitions.map((p) => {
    const offsets = view.offsets.get(partitionKey(topic, p.partition));
    const size = view.leaderSizes.get(partitionKey(topic, p.partition));
    return {
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offlineReplicas: p.offlineReplicas,
      eligibleLeaderReplicas: view.elr?.get(p.partition)?.eligibleLeaderReplicas ?? null,
      lastKnownElr: view.elr?.get(p.partition)?.lastKnownElr ?? null,
      logStartOffset: offsets?.logStartOffset ?? null,
      highWatermark: offsets?.highWatermark ?? null,
      sizeBytes: size === undefined ? null : size.toString(),
      ...(offsets?.error ? { error: offsets.error } : {}),
    };
  });
  const partial = view.errors.length > 0 || partitions.some((p) => p.error);
  return {
    asOf: view.asOf,
    name: topic,
    internal: view.layout.internal,
    ...(partial ? { partial: true } : {}),
    minInsyncReplicas: view.minIsr,
    partitions,
    ...(configs ? { configs } : {}),
  };
}

/** Only the configs; a topic Kafka does not know answers 404 (UNKNOWN_TOPIC_OR_PARTITION). */
export async function getTopicConfigs(clusterId: string, topic: string): Promise<ConfigListResponse> {
  const configs = await readTopicConfigs(clusterId, topic);
  return { asOf: Date.now(), configs };
}
