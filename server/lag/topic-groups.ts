import 'server-only';
import { ApiError } from '@/lib/errors';
import type { TopicGroup, TopicGroupsResponse } from '@/lib/schemas/consumer-groups';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { worstStatus } from '@/server/lag/burrow-status';
import { splitPartitionKey } from '@/server/kafka/partition-key';
import { groupLagSummary, groupRows, lagTotals } from '@/server/lag/group-rows';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getLagSampler } from '@/server/sampling/sampler';

/**
 * The groups of every type with a row on `topic` (a commit, a start offset or an assignment), with their lag, time
 * lag and status on it (the partitions of this topic only), largest lag first. A topic
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
      type: group.groupProtocol,
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
  // Share and streams groups with their own rows (the broker's lag, the streams tool's); the sampler reads neither.
  const ownRows = [
    ...snapshot.shareGroups.map((g) => ({
      group: g,
      rows: g.offsets,
      assigned: g.members.flatMap((m) => m.assignments.filter((a) => a.topic === topic).map((a) => a.partition)),
    })),
    ...snapshot.streamsGroups.map((g) => ({
      group: g,
      rows: g.rows,
      assigned: [...g.activeInputs].map(splitPartitionKey).flatMap((p) => (p.topic === topic ? [p.partition] : [])),
    })),
  ];
  for (const { group, rows: all, assigned } of ownRows) {
    const rows = all.filter((r) => r.topic === topic);
    if (rows.length === 0 && assigned.length === 0) continue;
    groups.push({
      groupId: group.groupId,
      type: group.type,
      state: group.state,
      memberCount: group.members.length,
      partitions: new Set([...rows.map((r) => r.partition), ...assigned]).size,
      assignedPartitions: new Set(assigned).size,
      lag: lagTotals(rows).totalLag,
      maxTimeLagMs: null,
      maxTimeLagIsLowerBound: false,
      status: null,
      sampling: null,
      ...(group.error ? { error: group.error } : {}),
    });
  }
  const lagOf = (g: TopicGroup) => (g.lag === null ? -1n : BigInt(g.lag));
  groups.sort((a, b) => (lagOf(b) > lagOf(a) ? 1 : lagOf(b) < lagOf(a) ? -1 : a.groupId < b.groupId ? -1 : 1));
  const partial = snapshot.errors.length > 0 || groups.some((g) => g.error);
  return { asOf: snapshot.asOf, ...(partial ? { partial: true } : {}), topic, groups };
}
