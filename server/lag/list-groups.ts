import 'server-only';
import type { ConsumerGroupListQuery, ConsumerGroupListResponse } from '@/lib/schemas/consumer-groups';
import { groupRows, summarizeGroup } from '@/server/lag/group-rows';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getLagSampler, lagSampling } from '@/server/sampling/sampler';
import { selectGroups } from '@/server/lag/select-groups';

export async function listConsumerGroups(clusterId: string, query: ConsumerGroupListQuery): Promise<ConsumerGroupListResponse> {
  const snapshot = await getGroupsSnapshot(clusterId);
  const sampler = getLagSampler(clusterId) ?? null;
  const summaries = snapshot.groups.map((g) => summarizeGroup(g, groupRows(g, snapshot, sampler), sampler));
  const { total, groups } = selectGroups(summaries, query);
  const partial = snapshot.errors.length > 0 || summaries.some((g) => g.error);
  return { asOf: snapshot.asOf, total, ...(partial ? { partial: true } : {}), sampling: lagSampling(sampler), groups };
}
