import 'server-only';
import type { ConsumerGroupSummary, GroupOffsetRow, LagStatus } from '@/lib/schemas/consumer-groups';
import { partitionKey } from '@/server/kafka/partition-key';
import { describeRows } from '@/server/lag/describe-rows';
import type { GroupRead, GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { etaMs } from '@/server/lag/lag-rates';
import { commitsOffsets, type LagGroup, type LagRow } from '@/server/lag/lag-groups';
import { groupLagStats, hwmTable, type LagSampleStore } from '@/server/lag/lag-samples';
import { recordTime } from '@/server/lag/record-times';
import { largestTimeLag, timeLagMs } from '@/server/lag/time-lag';

/** The cluster's sampler as the rows need it (a LagSampler); its cluster id lets rows use the record method. */
export type RowSampler = { store: LagSampleStore; window: number; intervalMs: number; clusterId?: string };

const toNumber = (value: string | null) => (value === null ? null : Number(value));

type TimeLag = Pick<GroupOffsetRow, 'timeLagMs' | 'timeLagMethod'>;

/**
 * A row's time lag: interpolated on the sampler's high-watermark table at the snapshot's time; where that has no
 * answer and the partition lags, the record method (the age of the first record at or after the committed offset, as
 * the sampler or the group's page read it); 0 when caught up; null when unknown.
 */
function rowTimeLag(
  row: Pick<LagRow, 'topic' | 'partition' | 'committed' | 'highWatermark' | 'lag'>,
  asOf: number,
  samples: LagSampleStore,
  clusterId: string | undefined,
): TimeLag {
  const lagging = row.lag !== null && BigInt(row.lag) > 0n;
  const interpolated = timeLagMs(hwmTable(samples, row.topic, row.partition), toNumber(row.committed), toNumber(row.highWatermark), asOf);
  if (interpolated !== null) return { timeLagMs: interpolated, timeLagMethod: lagging ? 'interpolated' : null };
  if (!lagging || clusterId === undefined || row.committed === null) return { timeLagMs: null, timeLagMethod: null };
  const time = recordTime(clusterId, row.topic, row.partition, row.committed);
  if (time === 'markers-only') return { timeLagMs: 0, timeLagMethod: 'record' };
  if (typeof time === 'number' && time >= 0) return { timeLagMs: Math.max(0, asOf - time), timeLagMethod: 'record' };
  return { timeLagMs: null, timeLagMethod: null };
}

/**
 * The group's rows as kafka-consumer-groups --describe prints them. With a sampler (lag.enabled), each row also
 * carries its time lag (see rowTimeLag), the partition's status, rates
 * and catch-up ETA; without one the time lag is null and the other fields are absent, so the rows stay the CLI's.
 */
export function groupRows(group: GroupRead, snapshot: GroupsSnapshot, sampler: RowSampler | null = null): GroupOffsetRow[] {
  const rows = describeRows({ members: group.members, committed: group.committed, endOffsets: snapshot.endOffsets });
  if (!sampler) return rows.map((row) => ({ ...row, timeLagMs: null, timeLagMethod: null }));
  const samples = sampler.store;
  const stats = groupLagStats(samples, group.groupId);
  return rows.map((row) => {
    const partition = stats?.partitions.get(partitionKey(row.topic, row.partition));
    const rates = { consumeRate: partition?.consumeRate ?? null, produceRate: partition?.produceRate ?? null };
    return {
      ...row,
      ...rowTimeLag({ ...row, committed: row.currentOffset, highWatermark: row.logEndOffset }, snapshot.asOf, samples, sampler.clusterId),
      status: partition?.status ?? null,
      ...rates,
      etaMs: etaMs(toNumber(row.lag), rates),
    };
  });
}

export type SampledLagRow = LagRow & TimeLag & { status: LagStatus | null };
export type SampledLagGroup = Omit<LagGroup, 'rows'> & { rows: SampledLagRow[] };

/**
 * The groups (lag-groups.ts: consumer, share and streams) with each row's time lag and sampled status as the groups
 * page computes them (rowTimeLag), at the snapshot's time `asOf`: what the metrics history, the alert rules and
 * /metrics read. A share group's time lag and status are null (commitsOffsets): unknown, not zero.
 */
export function sampledLagGroups(groups: readonly LagGroup[], asOf: number, sampler: RowSampler | null): SampledLagGroup[] {
  return groups.map((group) => {
    const sampled = sampler !== null && commitsOffsets(group);
    const stats = sampled ? groupLagStats(sampler.store, group.groupId) : undefined;
    const rows = group.rows.map((row): SampledLagRow => {
      const timeLag = sampled ? rowTimeLag(row, asOf, sampler.store, sampler.clusterId) : { timeLagMs: null, timeLagMethod: null };
      const status = stats?.partitions.get(partitionKey(row.topic, row.partition))?.status ?? null;
      return { ...row, ...timeLag, status };
    });
    return { ...group, rows };
  });
}

/** The group's largest time lag (a lower bound while a lagging partition's is unknown), its sampled status (worst partition, null until its window has filled) and samples so far. */
export function groupLagSummary(group: GroupRead, rows: GroupOffsetRow[], sampler: RowSampler | null) {
  const stats = sampler ? groupLagStats(sampler.store, group.groupId) : undefined;
  const largest = largestTimeLag(rows);
  const sampling = sampler ? { samples: stats?.samples ?? 0, window: sampler.window, intervalMs: sampler.intervalMs } : null;
  return { maxTimeLagMs: largest.ms, maxTimeLagIsLowerBound: largest.lowerBound, status: stats?.status ?? null, sampling };
}

/** Σ and max of the known lags (int64 strings; negatives kept, as the tools' numbers do); null when none is known. */
export function lagTotals(rows: readonly { lag: string | null }[]) {
  let total: bigint | null = null;
  let max: bigint | null = null;
  for (const row of rows) {
    if (row.lag === null) continue;
    const lag = BigInt(row.lag);
    total = (total ?? 0n) + lag;
    if (max === null || lag > max) max = lag;
  }
  return { totalLag: total === null ? null : total.toString(), maxLag: max === null ? null : max.toString() };
}

/** A row of the groups list: totals over the group's rows. */
export function summarizeGroup(group: GroupRead, rows: GroupOffsetRow[], sampler: RowSampler | null = null): ConsumerGroupSummary {
  return {
    groupId: group.groupId,
    type: group.groupProtocol,
    state: group.state,
    protocolType: group.protocolType,
    groupProtocol: group.groupProtocol,
    assignor: group.assignor,
    coordinatorId: group.coordinatorId,
    memberCount: group.members.length,
    topics: [...new Set(rows.map((r) => r.topic))].sort(),
    ...lagTotals(rows),
    ...groupLagSummary(group, rows, sampler),
    ...(group.error ? { error: group.error } : {}),
  };
}
