import 'server-only';
import { VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { leaderReplicaSizes } from '@/server/cluster-state/topic-summary';
import { freshCache } from '@/server/kafka/fresh-cache';
import { withKafka } from '@/server/kafka/clients';
import { readLogDirs } from '@/server/kafka/log-dirs';
import { readTopicLayout, type TopicLayout } from '@/server/kafka/metadata';
import { readOffsets, type PartitionOffsets } from '@/server/kafka/offsets';
import { describeOneTopicConfigs } from '@/server/kafka/topic-configs';
import type { KafkajsConfigResource } from '@/server/kafka/kafkajs';
import { partitionKey } from '@/server/kafka/partition-key';
import { readTopicElr, type TopicElr } from '@/server/topics/topic-elr';

/** What a topic's page shows of the cluster, read for that topic alone. */
export type TopicView = {
  /** When the layout was read; the offsets and sizes are read after it. */
  asOf: number;
  layout: TopicLayout;
  /** By partitionKey. */
  offsets: Map<string, PartitionOffsets>;
  /** The leader replica's size, by partitionKey; missing where its broker's log dirs could not be read. */
  leaderSizes: Map<string, bigint>;
  /** The effective min.insync.replicas (the topic's, else the broker default Kafka applies); null when unreadable. */
  minIsr: number | null;
  /** Every config of the topic as DescribeConfigs answered them, or the error that refused them. */
  configs: { entries: KafkajsConfigResource['configEntries'] } | { error: Error };
  /** Eligible leader replicas by partition (KIP-966); null where the cluster does not answer them (topic-elr.ts). */
  elr: TopicElr | null;
  /** What could not be read; the page then shows `partial: true`. */
  errors: string[];
};

/**
 * One topic read on its own, so that its page costs what the topic costs and not what the whole cluster does: one
 * Metadata for the topic, then in parallel ListOffsets (earliest and latest) per leader of its partitions and
 * DescribeLogDirs for its partitions on each of those leaders (only the leader's replica counts toward the size,
 * as in the cluster snapshot), one DescribeConfigs for all its configs (its page shows them; min.insync.replicas is
 * one of them) and, where brokers answer it, one DescribeTopicPartitions for the eligible leader replicas. null when Kafka does not know the topic.
 */
export async function readTopicView(clusterId: string, topic: string): Promise<TopicView | null> {
  return withKafka(clusterId, async (connection) => {
    // A refusal (e.g. TOPIC_AUTHORIZATION_FAILED) is thrown inside withKafka, which maps it to the API's error.
    const read = await readTopicLayout(connection, topic);
    if (!read) return null;
    const { asOf, topic: layout } = read;
    const leaderIds = [...new Set(layout.partitions.flatMap((p) => (p.leader === null ? [] : [p.leader])))];
    const filter = [{ topic, partitions: layout.partitions.map((p) => p.partition) }];
    const errors: string[] = [];
    const [offsets, logDirs, configs, elr] = await Promise.all([
      readOffsets(connection, [layout]),
      readLogDirs(connection, leaderIds, { filter }),
      describeOneTopicConfigs(connection, topic).then<TopicView['configs'], TopicView['configs']>(
        (entries) => ({ entries }),
        (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
      ),
      readTopicElr(connection, topic).catch((error: unknown) => {
        errors.push(`eligible leader replicas: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }),
    ]);
    if ('error' in configs) errors.push(`topic configs: ${configs.error.message}`);
    const minIsrValue = Number(
      'entries' in configs ? configs.entries.find((e) => e.configName === 'min.insync.replicas')?.configValue : NaN,
    );
    for (const broker of logDirs) if ('error' in broker) errors.push(`broker ${broker.brokerId} log dirs: ${broker.error}`);
    const leaders = new Map(layout.partitions.map((p) => [p.partition, p.leader]));
    const leaderSizes = leaderReplicaSizes(logDirs, (name, partition) => (name === topic ? leaders.get(partition) : undefined));
    if (offsets.some((o) => o.error !== null)) errors.push('some partition offsets could not be read');
    return {
      asOf,
      layout,
      offsets: new Map(offsets.map((o) => [partitionKey(o.topic, o.partition), o])),
      leaderSizes,
      minIsr: Number.isInteger(minIsrValue) ? minIsrValue : null,
      configs,
      elr,
      errors,
    };
  });
}

/** Bounded: a console that has shown many topics forgets the oldest views. */
const MAX_VIEWS = 10_000;
const views = freshCache(
  'topic-view',
  (_key, topic: { clusterId: string; name: string } | undefined) => readTopicView(topic!.clusterId, topic!.name),
  { maxKeys: MAX_VIEWS },
);

/**
 * The topic as its page shows it, shared by every viewer: read again (single-flight) when older than `maxAgeMs`, as
 * the cluster snapshot is, so that Kafka's load follows the topics viewed and not the number of viewers.
 */
export function getTopicView(clusterId: string, topic: string, { maxAgeMs = VIEW_MAX_AGE_MS } = {}) {
  return views(`${clusterId}\u0000${topic}`, maxAgeMs, { options: { clusterId, name: topic } });
}

/**
 * Reads the topic's shared view again after a change to it, so that no viewer is answered what preceded the change
 * (configs altered, the topic deleted: a view of it would answer 200 for up to 2 s). A failed read is left to the
 * next request.
 */
export async function refreshTopicView(clusterId: string, topic: string) {
  await getTopicView(clusterId, topic, { maxAgeMs: 0 }).catch(() => {});
}
