import 'server-only';
import type { ConsumerGroupSummary, GroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { partitionKey } from '@/server/kafka/partition-key';
import { describeRows } from '@/server/lag/describe-rows';
import type { GroupRead, GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { etaMs } from '@/server/lag/lag-rates';
import { groupLagStats, hwmTable, type LagSampleStore } from '@/server/lag/lag-samples';
import { timeLagMs } from '@/server/lag/time-lag';

/** The cluster's sampler as the rows need it (a LagSampler). */
export type RowSampler = { store: LagSampleStore; window: number; intervalMs: number };

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/**
 * The group's rows as kafka-consumer-groups --describe prints them, with the time lag read off the sampler's tables
 * at the snapshot's time (null without a sampler). With a sampler, each row also carries the partition's status,
 * rates and catch-up ETA; without one those fields are absent, so the rows stay exactly the CLI's.
 */
export function groupRows(group: GroupRead, snapshot: GroupsSnapshot, sampler: RowSampler | null = null): GroupOffsetRow[] {
  const rows = describeRows({ members: group.members, committed: group.committed, endOffsets: snapshot.endOffsets });
  if (!sampler) return rows.map((row) => ({ ...row, timeLagMs: null }));
  const samples = sampler.store;
  const stats = groupLagStats(samples, group.groupId);
  return rows.map((row) => {
    const table = hwmTable(samples, row.topic, row.partition);
    const partition = stats?.partitions.get(partitionKey(row.topic, row.partition));
    const rates = { consumeRate: partition?.consumeRate ?? null, produceRate: partition?.produceRate ?? null };
    return {
      ...row,
      timeLagMs: timeLagMs(table, toNumber(row.currentOffset), toNumber(row.logEndOffset), snapshot.asOf),
      status: partition?.status ?? null,
      ...rates,
      etaMs: etaMs(toNumber(row.lag), rates),
    };
  });
}

/** The group's largest time lag, its sampled status (worst partition, null until its window has filled) and samples so far. */
export function groupLagSummary(group: GroupRead, rows: GroupOffsetRow[], sampler: RowSampler | null) {
  const stats = sampler ? groupLagStats(sampler.store, group.groupId) : undefined;
  let maxTimeLagMs: number | null = null;
  for (const row of rows) if (row.timeLagMs !== null && (maxTimeLagMs === null || row.timeLagMs > maxTimeLagMs)) maxTimeLagMs = row.timeLagMs;
  const sampling = sampler ? { samples: stats?.samples ?? 0, window: sampler.window, intervalMs: sampler.intervalMs } : null;
  return { maxTimeLagMs, status: stats?.status ?? null, sampling };
}

/** A row of the groups list: totals over the group's rows; lag sums keep negatives, as the CLI's numbers do. */
export function summarizeGroup(group: GroupRead, rows: GroupOffsetRow[], sampler: RowSampler | null = null): ConsumerGroupSummary {
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
    ...groupLagSummary(group, rows, sampler),
    ...(group.error ? { error: group.error } : {}),
  };
}
