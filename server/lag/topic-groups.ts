import 'server-only';
import { ApiError } from '@/lib/errors';
import type { TopicGroup, TopicGroupsResponse } from '@/lib/schemas/consumer-groups';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { worstStatus } from '@/server/lag/burrow-status';
import { groupLagSummary, groupRows } from '@/server/lag/group-rows';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getLagSampler } from '@/server/sampling/sampler';

/**
 * The groups with a row on `topic` (a commit or an assignment), with their lag, time lag and status on it (the
 * partitions of this topic only), largest lag first. A topic
 * the cluster does not have is 404 (a group may still hold commits for a deleted topic: those show on the group).
 */
export async function listTopicGroups(clusterId: string, topic: string): Promise<TopicGroupsResponse> {
  const cluster = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
  if (!cluster.metadata.topics.some((t) => t.name === topic)) {
    const fresh = await getClusterSnapshot(clusterId, { maxAgeMs: 0, logDirsMaxAgeMs: Infinity });
    if (!fresh.metadata.topics.some((t) => t.name === topic)) throw new ApiError('NOT_FOUND', `Topic "${topic}" does not exist`);
  }
  const snapshot = await getGroupsSnapshot(clusterId);
  const sampler = getLagSampler(clusterId) ?? null;
  const groups: TopicGroup[] = [];
  for (const group of snapshot.groups) {
    const rows = groupRows(group, snapshot, sampler).filter((r) => r.topic === topic);
    if (rows.length === 0) continue;
    const known = rows.filter((r) => r.lag !== null);
    const { maxTimeLagMs, maxTimeLagIsLowerBound, sampling } = groupLagSummary(group, rows, sampler);
    groups.push({
      groupId: group.groupId,
      state: group.state,
      memberCount: group.members.length,
      partitions: rows.length,
      assignedPartitions: rows.filter((r) => r.consumerId !== null).length,
      lag: known.length ? known.reduce((sum, r) => sum + BigInt(r.lag!), 0n).toString() : null,
      maxTimeLagMs,
      maxTimeLagIsLowerBound,
      status: worstStatus(rows.map((r) => r.status ?? null)),
      sampling,
      ...(group.error ? { error: group.error } : {}),
    });
  }
  const lagOf = (g: TopicGroup) => (g.lag === null ? -1n : BigInt(g.lag));
  groups.sort((a, b) => (lagOf(b) > lagOf(a) ? 1 : lagOf(b) < lagOf(a) ? -1 : a.groupId < b.groupId ? -1 : 1));
  const partial = snapshot.errors.length > 0 || groups.some((g) => g.error);
  return { asOf: snapshot.asOf, ...(partial ? { partial: true } : {}), topic, groups };
}
