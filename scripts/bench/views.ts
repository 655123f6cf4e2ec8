// The console reads the benchmark times, each called exactly as a page or API route calls it.
import { topicListQuerySchema } from '@/lib/schemas/topics';
import { LIST_PAGE_SIZE } from '@/lib/queries/list-page';
import { getBroker } from '@/server/brokers/get-broker';
import { listBrokers } from '@/server/brokers/list-brokers';
import { getClusterHealth } from '@/server/cluster-state/cluster-health';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { getTopic } from '@/server/topics/get-topic';
import { listTopics } from '@/server/topics/list-topics';

export const VIEW_NAMES = ['topicsList', 'topicsFirstPage', 'topicDetail', 'brokersList', 'brokerDetail', 'healthList'] as const;

/** Views that read their own subject (a topic, a broker), not the cluster snapshot: `fresh` reads that again. */
export const SCOPED_VIEWS: ReadonlySet<ViewName> = new Set(['topicDetail', 'brokerDetail']);
export type ViewName = (typeof VIEW_NAMES)[number];

export const isViewName = (name: string): name is ViewName => (VIEW_NAMES as readonly string[]).includes(name);

/**
 * Runs one view; `topic` is the topic-detail target (the one with the most partitions), the broker detail is broker
 * 1's page. Those two read their topic or broker alone, shared for 2 s: `fresh` reads it again (the other views read
 * the snapshot). The topics list as the API answers without `limit` (every topic) and as the page asks (its first page).
 */
export function runView(view: ViewName, clusterId: string, topic: string, { fresh = false } = {}): Promise<unknown> {
  switch (view) {
    case 'topicsList':
      return listTopics(clusterId, topicListQuerySchema.parse({}));
    case 'topicsFirstPage':
      return listTopics(clusterId, topicListQuerySchema.parse({ limit: String(LIST_PAGE_SIZE) }));
    case 'topicDetail':
      return getTopic(clusterId, topic, fresh ? { maxAgeMs: 0 } : {});
    case 'brokersList':
      return listBrokers(clusterId);
    case 'brokerDetail':
      return getBroker(clusterId, 1, fresh ? { maxAgeMs: 0 } : {});
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
