// Consumer, share and streams groups as one shape: per group, per partition its position and lag. The lag sampler,
// the metrics history, the alert rules and /metrics read groups through this; the groups pages keep their own rows
// (kafka-consumer-groups', kafka-share-groups' and kafka-streams-groups' columns). Pure.
import type { GroupType } from '@/lib/schemas/consumer-groups';
import { partitionKey, splitPartitionKey } from '@/server/kafka/partition-key';
import { lagOf } from '@/server/lag/describe-rows';
import type { GroupRead, GroupsSnapshot, StreamsGroupWithRows } from '@/server/lag/groups-snapshot';
import type { ShareGroupRead } from '@/server/lag/share-groups';

export type LagRow = {
  topic: string;
  partition: number;
  /** Consumer and streams groups: the committed offset; share groups: the share-partition start offset. null = none. */
  committed: string | null;
  /** The high watermark read after the position; null where unknown or not read (share groups' partitions). */
  highWatermark: string | null;
  /** Consumer groups: hwm − committed; streams: their rows' lag; share: the broker's count of unacknowledged records. */
  lag: string | null;
  /** Assigned to a live member (a consumer's partition, a streams active task's input, a share member's partition). */
  owned: boolean;
  error?: string;
};

export type LagGroup = { groupId: string; type: GroupType; memberCount: number; rows: LagRow[]; error?: string };

/** What the groups come from: a groups snapshot, or anything shaped like one (tests). */
export type LagGroupsInput = Pick<GroupsSnapshot, 'shareGroups' | 'streamsGroups'> & {
  groups: readonly Pick<GroupRead, 'groupId' | 'groupProtocol' | 'committed' | 'members' | 'error'>[];
  endOffsets: ReadonlyMap<string, { highWatermark: string | null; error?: string | null }>;
};

const byTopicPartition = (a: LagRow, b: LagRow) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);
const withError = (error: string | undefined) => (error ? { error } : {});

function ownedKeys(members: readonly { assignments: readonly { topic: string; partition: number }[] }[]) {
  const owned = new Set<string>();
  for (const m of members) for (const a of m.assignments) owned.add(partitionKey(a.topic, a.partition));
  return owned;
}

/**
 * A consumer group's partitions: every committed or assigned one, once (two members may claim a partition for a
 * moment during a rebalance), with kafka-consumer-groups' lag.
 */
export function consumerLagGroup(group: LagGroupsInput['groups'][number], endOffsets: LagGroupsInput['endOffsets']): LagGroup {
  const owned = ownedKeys(group.members);
  const rows = [...new Set([...group.committed.keys(), ...owned])].map((key): LagRow => {
    const committed = group.committed.get(key) ?? null;
    const end = endOffsets.get(key);
    const highWatermark = end?.highWatermark ?? null;
    return {
      ...splitPartitionKey(key),
      committed,
      highWatermark,
      lag: lagOf(committed, highWatermark),
      owned: owned.has(key),
      ...withError(end?.error ?? undefined),
    };
  });
  return {
    groupId: group.groupId,
    type: group.groupProtocol,
    memberCount: group.members.length,
    rows: rows.sort(byTopicPartition),
    ...withError(group.error),
  };
}

/** A streams group's rows as kafka-streams-groups counts them (an uncommitted partition lags by its whole log). */
export function streamsLagGroup(group: StreamsGroupWithRows): LagGroup {
  const rows = group.rows.map((r): LagRow => ({
    topic: r.topic,
    partition: r.partition,
    committed: r.currentOffset,
    highWatermark: r.logEndOffset,
    lag: r.lag,
    owned: group.activeInputs.has(partitionKey(r.topic, r.partition)),
    ...withError(r.error),
  }));
  return { groupId: group.groupId, type: 'streams', memberCount: group.members.length, rows, ...withError(group.error) };
}

/**
 * A share group's rows: its start offsets and the broker's lag (DescribeShareGroupOffsets v1), which counts the
 * records not yet acknowledged — not hwm − start offset, which also counts the acknowledged records past the start
 * offset (acknowledged out of order) and differs while records are in flight. The high watermark is not read.
 */
export function shareLagGroup(group: ShareGroupRead): LagGroup {
  const owned = ownedKeys(group.members);
  const rows = group.offsets.map((r): LagRow => ({
    topic: r.topic,
    partition: r.partition,
    committed: r.startOffset,
    highWatermark: null,
    lag: r.lag,
    owned: owned.has(partitionKey(r.topic, r.partition)),
  }));
  return { groupId: group.groupId, type: 'share', memberCount: group.members.length, rows, ...withError(group.error) };
}

/** Every group of the snapshot: consumer groups, then share groups, then streams groups, each in the snapshot's order. */
export function lagGroups(snapshot: LagGroupsInput): LagGroup[] {
  return [
    ...snapshot.groups.map((g) => consumerLagGroup(g, snapshot.endOffsets)),
    ...snapshot.shareGroups.map(shareLagGroup),
    ...snapshot.streamsGroups.map(streamsLagGroup),
  ];
}

/**
 * Whether the lag sampler's commit machinery (Burrow status, rates, time lag through the high-watermark table)
 * applies: consumer and streams groups commit offsets. A share group's start offset is not a commit (it moves as
 * records are acknowledged, in any order) and its partitions' high watermarks are not read: no status, no time lag.
 */
export const commitsOffsets = (group: Pick<LagGroup, 'type'>) => group.type !== 'share';
