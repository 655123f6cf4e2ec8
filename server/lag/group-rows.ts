import 'server-only';
import type { ConsumerGroupSummary, GroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { describeRows } from '@/server/lag/describe-rows';
import type { GroupRead, GroupsSnapshot } from '@/server/lag/groups-snapshot';

/** The group's rows as kafka-consumer-groups --describe prints them (time lag comes from the sampler: null without it). */
export function groupRows(group: GroupRead, snapshot: GroupsSnapshot): GroupOffsetRow[] {
  return describeRows({ members: group.members, committed: group.committed, endOffsets: snapshot.endOffsets }).map((row) => ({ ...row, timeLagMs: null }));
}

/** A row of the groups list: totals over the group's rows; lag sums keep negatives, as the CLI's numbers do. */
export function summarizeGroup(group: GroupRead, rows: GroupOffsetRow[]): ConsumerGroupSummary {
  let total: bigint | null = null;
  let max: bigint | null = null;
  for (const row of rows) {
    if (row.lag === null) continue;
    const lag = BigInt(row.lag);
    total = (total ?? 0n) + lag;
    if (max === null || lag > max) max = lag;
  }
  return {
    groupId: group.groupId,
    state: group.state,
    protocolType: group.protocolType,
    groupProtocol: group.groupProtocol,
    assignor: group.assignor,
    coordinatorId: group.coordinatorId,
    memberCount: group.members.length,
    topics: [...new Set(rows.map((r) => r.topic))].sort(),
    totalLag: total === null ? null : total.toString(),
    maxLag: max === null ? null : max.toString(),
    maxTimeLagMs: null,
    status: null,
    ...(group.error ? { error: group.error } : {}),
  };
}
