// The lag sampler's memory: per partition the time-lag table of its high watermark, per (group, partition) the
// last `window` samples. Plain Maps of number arrays (packed doubles): nothing here needs Kafka, so a pass can be
// persisted or replayed as it is.
import type { LagStatus } from '@/lib/schemas/consumer-groups';
import { partitionKey } from '@/server/kafka/partition-key';
import { partitionStatus, worstStatus, type WindowEntry } from '@/server/lag/burrow-status';
import { commitsOffsets, type LagGroup } from '@/server/lag/lag-groups';
import { windowRates, type Rates } from '@/server/lag/lag-rates';
import { TIME_LAG_TABLE_POINTS, addHwmPoint, type HwmTable } from '@/server/lag/time-lag';

export type SampleSettings = { window: number; allowedLag: number; tablePoints?: number };

/** What a pass reads: a groups snapshot's lag groups and end offsets, or anything shaped like them (tests, replays). */
export type SamplePassInput = {
  asOf: number;
  groups: readonly LagGroup[];
  /** The consumer groups' high watermarks; streams groups' rows carry their own. */
  endOffsets: ReadonlyMap<string, { highWatermark: string | null }>;
};

/** Values per sample in a group's partition series: time, hwm, committed, commitTime, commitHwm (see WindowEntry). */
const FIELDS = 5;
/** Passes a group or partition may be missing from (a broker that did not answer) before its history is dropped. */
export const MISSING_PASSES = 3;

type TableEntry = { points: HwmTable; seen: number };
type GroupEntry = {
  seen: number;
  /** By partitionKey: [time, hwm, committed, commitTime, commitHwm, …] oldest first, at most `window` samples; NaN = unknown. */
  partitions: Map<string, number[]>;
  derived?: { pass: number; stats: GroupLagStats };
};

export type LagSampleStore = {
  settings: Required<SampleSettings>;
  /** Passes recorded so far. */
  pass: number;
  lastSampleAt: number | null;
  tables: Map<string, TableEntry>;
  groups: Map<string, GroupEntry>;
};

export type PartitionLagStats = Rates & { status: LagStatus | null };
export type GroupLagStats = {
  /** The most samples with a committed offset in a row that one partition has, up to the window: "collecting (k/N)". */
  samples: number;
  status: LagStatus | null;
  partitions: Map<string, PartitionLagStats>;
};

export function createSampleStore({ window, allowedLag, tablePoints = TIME_LAG_TABLE_POINTS }: SampleSettings): LagSampleStore {
  return { settings: { window, allowedLag, tablePoints }, pass: 0, lastSampleAt: null, tables: new Map(), groups: new Map() };
}

const toNumber = (value: string | null | undefined) => (value === null || value === undefined ? Number.NaN : Number(value));

/**
 * Appends one pass, stamped with the snapshot's `asOf` (a snapshot not newer than the last pass is ignored: false).
 * OffsetFetch gives no commit time, so each sample estimates the commit behind it: a new commit (in the interval
 * since the previous sample) when the offset changed, or when a member owns the partition (a live consumer commits
 * on its own schedule, so Burrow would see fresh commits even of an unchanged offset: STALL rather than STOP); its
 * time is the sample's, its high watermark the previous sample's. Otherwise (nobody could have committed) the
 * previous sample's commit carries over. The first sample of a partition is its own commit. A group read with errors
 * keeps its history and adds nothing. Streams groups are sampled like consumer groups (their high watermarks join the
 * tables); share groups are not (commitsOffsets).
 */
export function recordPass(store: LagSampleStore, snapshot: SamplePassInput): boolean {
  const time = snapshot.asOf;
  if (store.lastSampleAt !== null && time <= store.lastSampleAt) return false;
  store.pass += 1;
  store.lastSampleAt = time;
  const { window, tablePoints } = store.settings;
  const addHwm = (key: string, highWatermark: string | null) => {
    let table = store.tables.get(key);
    if (!table) store.tables.set(key, (table = { points: [], seen: store.pass }));
    table.seen = store.pass;
    // A partition read twice in a pass (by a consumer and a streams group) keeps the first reading: same time.
    if (highWatermark !== null) addHwmPoint(table.points, Number(highWatermark), time, tablePoints);
  };
  for (const [key, end] of snapshot.endOffsets) addHwm(key, end.highWatermark);
  for (const group of snapshot.groups) {
    if (!commitsOffsets(group)) continue;
    let entry = store.groups.get(group.groupId);
    if (!entry) store.groups.set(group.groupId, (entry = { seen: store.pass, partitions: new Map() }));
    entry.seen = store.pass;
    if (group.error) continue;
    const keys = new Set<string>();
    for (const row of group.rows) {
      const key = partitionKey(row.topic, row.partition);
      keys.add(key);
      if (group.type === 'streams') addHwm(key, row.highWatermark);
      let series = entry.partitions.get(key);
      if (!series) entry.partitions.set(key, (series = []));
      const committed = toNumber(row.committed);
      const hwm = toNumber(row.highWatermark);
      const n = series.length;
      if (n === 0) series.push(time, hwm, committed, time, hwm);
      else if (!Object.is(series[n - 3], committed) || row.owned) series.push(time, hwm, committed, time, series[n - 4]!);
      else series.push(time, hwm, committed, series[n - 2]!, series[n - 1]!);
      if (series.length > FIELDS * window) series.splice(0, FIELDS);
    }
    for (const key of entry.partitions.keys()) if (!keys.has(key)) entry.partitions.delete(key);
  }
  for (const [key, table] of store.tables) if (store.pass - table.seen >= MISSING_PASSES) store.tables.delete(key);
  for (const [id, group] of store.groups) if (store.pass - group.seen >= MISSING_PASSES) store.groups.delete(id);
  return true;
}

/** A series as window entries, oldest first. */
export function windowEntries(series: readonly number[]): WindowEntry[] {
  const entries: WindowEntry[] = [];
  for (let i = 0; i < series.length; i += FIELDS) {
    entries.push({
      time: series[i]!,
      hwm: series[i + 1]!,
      committed: series[i + 2]!,
      commitTime: series[i + 3]!,
      commitHwm: series[i + 4]!,
    });
  }
  return entries;
}

/**
 * Status and rates of every partition of a group as of the last pass, and the group's status: its worst partition's,
 * null until a partition has `window` samples with a committed offset (a group that joined before committing
 * collects from its first commit on, as Burrow's window starts at the first commit). Computed once per pass and
 * group; undefined for a group not sampled.
 */
export function groupLagStats(store: LagSampleStore, groupId: string): GroupLagStats | undefined {
  const entry = store.groups.get(groupId);
  if (!entry) return undefined;
  if (entry.derived?.pass === store.pass) return entry.derived.stats;
  const partitions = new Map<string, PartitionLagStats>();
  let samples = 0;
  for (const [key, series] of entry.partitions) {
    const entries = windowEntries(series);
    let committed = 0;
    while (committed < entries.length && !Number.isNaN(entries[entries.length - 1 - committed]!.committed)) committed += 1;
    samples = Math.max(samples, committed);
    partitions.set(key, { status: partitionStatus(entries, store.settings), ...windowRates(entries) });
  }
  const status = samples < store.settings.window ? null : worstStatus([...partitions.values()].map((p) => p.status));
  const stats = { samples, status, partitions };
  entry.derived = { pass: store.pass, stats };
  return stats;
}

/** The time-lag table of a partition (empty when the partition is not sampled). */
export function hwmTable(store: LagSampleStore, topic: string, partition: number): HwmTable {
  return store.tables.get(partitionKey(topic, partition))?.points ?? [];
}
