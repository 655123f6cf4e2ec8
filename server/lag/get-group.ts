import 'server-only';
import { ApiError } from '@/lib/errors';
import type { ConsumerGroupDetailResponse } from '@/lib/schemas/consumer-groups';
import { groupLagSummary, groupRows } from '@/server/lag/group-rows';
import { VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { getGroupsSnapshot, type GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getLagSampler, lagSampling } from '@/server/sampling/sampler';
import { fillGroupRecordTimes } from '@/server/lag/pass-record-times';
import { consumerLagGroup } from '@/server/lag/lag-groups';
import { getGroupRead } from '@/server/lag/read-group';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

const find = (snapshot: GroupsSnapshot, groupId: string) =>
  snapshot.groups.find(
    (g) => g.groupId === groupId && g.errorCode !== KafkaErrorCode.GROUP_ID_NOT_FOUND && !(g.state === 'Dead' && g.committed.size === 0),
  );

/** The group from the cluster's groups snapshot; one missing from a recent snapshot is looked for in a fresh one. */
async function fromGroupsSnapshot(clusterId: string, groupId: string): Promise<GroupsSnapshot> {
  const snapshot = await getGroupsSnapshot(clusterId);
  return find(snapshot, groupId) ? snapshot : getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
}

/**
 * One group with the CLI's rows, read on its own (its coordinator and its partitions' leaders only; shared while
 * younger than `maxAgeMs`); from the cluster's groups snapshot when that read is not clear about the group.
 */
export async function getConsumerGroup(
  clusterId: string,
  groupId: string,
  { maxAgeMs = VIEW_MAX_AGE_MS } = {},
): Promise<ConsumerGroupDetailResponse> {
  const snapshot = (await getGroupRead(clusterId, groupId, { maxAgeMs })) ?? (await fromGroupsSnapshot(clusterId, groupId));
  const group = find(snapshot, groupId);
  if (!group) throw new ApiError('NOT_FOUND', `Consumer group "${groupId}" does not exist`);
  const sampler = getLagSampler(clusterId);
  // The record times its lagging partitions need now, not at the next pass (sampled clusters only).
  if (sampler) await fillGroupRecordTimes(clusterId, snapshot.asOf, [consumerLagGroup(group, snapshot.endOffsets)], sampler.store);
  const offsets = groupRows(group, snapshot, sampler ?? null);
  const { maxTimeLagMs, maxTimeLagIsLowerBound, status, sampling: own } = groupLagSummary(group, offsets, sampler ?? null);
  const sampling = lagSampling(sampler);
  const partial = Boolean(group.error) || offsets.some((r) => r.error);
  return {
    asOf: snapshot.asOf,
    ...(partial ? { partial: true } : {}),
    groupId: group.groupId,
    type: group.groupProtocol,
    state: group.state,
    protocolType: group.protocolType,
    groupProtocol: group.groupProtocol,
    assignor: group.assignor,
    coordinatorId: group.coordinatorId,
    status,
    maxTimeLagMs,
    maxTimeLagIsLowerBound,
    sampling: sampling && { ...sampling, samples: own?.samples ?? 0 },
    epochs: group.epochs,
    members: group.members,
    offsets,
  };
}
