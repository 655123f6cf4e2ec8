import 'server-only';
import type { TopicDetailResponse } from '@/lib/schemas/topics';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { getTopic } from '@/server/topics/get-topic';

/**
 * Pages read a shared snapshot up to 2 s old: after a change, one read that started after it (a read already in
 * flight may predate the change, so its answer is not taken) makes the pages, and this answer, show it.
 */
export async function refreshSnapshotAfter(clusterId: string, changedAt: number) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const snapshot = await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
    if (snapshot.asOf >= changedAt) return;
  }
}

/** The topic's detail as GET answers it, from a snapshot read after the change. */
export async function refreshedTopic(clusterId: string, topic: string, changedAt = Date.now()): Promise<TopicDetailResponse> {
  await refreshSnapshotAfter(clusterId, changedAt);
  return getTopic(clusterId, topic);
}
