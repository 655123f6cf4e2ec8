// The console reads the benchmark times, each called exactly as a page or API route calls it.
import { topicListQuerySchema } from '@/lib/schemas/topics';
import { listBrokers } from '@/server/brokers/list-brokers';
import { getClusterHealth } from '@/server/cluster-state/cluster-health';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { getTopic } from '@/server/topics/get-topic';
import { listTopics } from '@/server/topics/list-topics';

export const VIEW_NAMES = ['topicsList', 'topicDetail', 'brokersList', 'healthList'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export const isViewName = (name: string): name is ViewName => (VIEW_NAMES as readonly string[]).includes(name);

/**
 * Runs one view; `topic` is the topic-detail target (the one with the most partitions). The topic detail reads its
 * topic alone, shared for 2 s like the snapshot: `fresh` reads it again (the other views read the snapshot).
 */
export function runView(view: ViewName, clusterId: string, topic: string, { fresh = false } = {}): Promise<unknown> {
  switch (view) {
    case 'topicsList':
      return listTopics(clusterId, topicListQuerySchema.parse({}));
    case 'topicDetail':
      return getTopic(clusterId, topic, fresh ? { maxAgeMs: 0 } : {});
    case 'brokersList':
      return listBrokers(clusterId);
    case 'healthList':
      return getClusterHealth(clusterId);
  }
}

/**
 * The non-internal topic with the most partitions (ties: the first by name), from a snapshot. Internal topics
 * are skipped: __consumer_offsets (50 partitions) would otherwise win on most clusters.
 */
export async function busiestTopic(clusterId: string): Promise<{ name: string; partitions: number }> {
  const snapshot = await getClusterSnapshot(clusterId);
  let best: { name: string; partitions: number } | null = null;
  for (const t of snapshot.metadata.topics) {
    if (t.internal) continue;
    if (!best || t.partitions.length > best.partitions || (t.partitions.length === best.partitions && t.name < best.name)) {
      best = { name: t.name, partitions: t.partitions.length };
    }
  }
  if (!best) throw new Error(`cluster "${clusterId}" has no topics`);
  return best;
}
