import 'server-only';
import type { TopicDetailResponse } from '@/lib/schemas/topics';
import { refreshSnapshotAfter } from '@/server/cluster-state/snapshot';
import { getTopic } from '@/server/topics/get-topic';

/** The topic's detail as GET answers it, once the cluster snapshot (the lists') has been read after the change. */
export async function refreshedTopic(clusterId: string, topic: string, changedAt = Date.now()): Promise<TopicDetailResponse> {
  await refreshSnapshotAfter(clusterId, changedAt);
  return getTopic(clusterId, topic, { maxAgeMs: 0 });
}
