// Time lag ("seconds behind") by kafka-lag-exporter's method: per partition a small table of (high watermark,
// sample time) points; the time at which the HWM reached the group's committed offset is read off the table by
// linear interpolation (extrapolation outside it), and time lag = now − that time.
//
// Offsets are JS numbers here: exact below 2^53 (≈ 285 years at a million records a second), and this module only
// derives estimates from them; the API's offsets and lags stay exact decimal strings.

/** Points kept per partition (kafka-lag-exporter's default lookup table size). */
export const TIME_LAG_TABLE_POINTS = 60;

/**
 * A partition's lookup table: [offset0, time0, offset1, time1, …], oldest first, times strictly increasing and
 * offsets non-decreasing. One packed array of doubles: 16 bytes a point.
 */
export type HwmTable = number[];

/**
 * Adds a sample (kafka-lag-exporter's MemoryTable.addPoint, plus one change):
 * - a point not newer than the last one is ignored (out of order);
 * - a flat run keeps only its first and last points (the last one's time moves right), so an idle partition costs
 *   two points and the table keeps the history before it;
 * - a high watermark that went **backwards** (topic deleted and recreated, unclean leader election truncating the
 *   log) starts the table again: the old points describe a log that no longer exists. (kafka-lag-exporter drops such
 *   points instead, which freezes the table until the old points age out.)
 * - beyond `limit` points the oldest is dropped.
 */
export function addHwmPoint(table: HwmTable, offset: number, time: number, limit = TIME_LAG_TABLE_POINTS): void {
  const n = table.length / 2;
  if (n > 0) {
    const lastOffset = table[2 * n - 2]!;
    const lastTime = table[2 * n - 1]!;
    if (time <= lastTime) return;
    if (offset < lastOffset) {
      table.length = 0;
    } else if (n > 1 && offset === lastOffset && table[2 * n - 4] === offset) {
      table[2 * n - 1] = time;
      return;
    }
  }
  table.push(offset, time);
  if (table.length > 2 * limit) table.splice(0, 2);
}

/**
 * The time at which the high watermark reached `offset`, from the table (and an optional newer reading `now`
 * appended to it): within the table, linear interpolation on the most recent segment that contains the offset
 * (after a flat run, that is the last time the HWM stood there); below the table, extrapolation on the slope from
 * the oldest to the newest point. null with fewer than two points, above the table, or when the table is flat
 * (nothing was produced while it was kept: the slope is unknown).
 */
export function timeAtOffset(table: HwmTable, offset: number, now?: { offset: number; time: number }): number | null {
  const n = table.length / 2;
  const last = n > 0 ? { offset: table[2 * n - 2]!, time: table[2 * n - 1]! } : null;
  // A newer reading below the table: the log was truncated or recreated, the table describes another log.
  if (now && last && now.offset < last.offset && now.time > last.time) return null;
  // A newer reading joins as the newest point; an older one (a snapshot read before the last sample) is left out.
  const extra = now && (!last || now.time > last.time) ? now : null;
  const count = n + (extra ? 1 : 0);
  if (count < 2) return null;
  const o = (i: number) => (i === n ? extra!.offset : table[2 * i]!);
  const t = (i: number) => (i === n ? extra!.time : table[2 * i + 1]!);
  const newest = count - 1;
  if (offset > o(newest)) return null;
  if (offset < o(0)) {
    // Below the oldest point: the records were produced before the table starts.
    if (o(newest) === o(0)) return null;
    return t(newest) - ((o(newest) - offset) * (t(newest) - t(0))) / (o(newest) - o(0));
  }
  // The most recent segment containing the offset starts at the newest point at or below it (binary search: offsets
  // never decrease along the table).
  let l = 0;
  let hi = newest;
  while (l < hi) {
    const mid = (l + hi + 1) >> 1;
    if (o(mid) <= offset) l = mid;
    else hi = mid - 1;
  }
  if (l === newest) return t(newest);
  const r = l + 1;
  return t(r) - ((o(r) - offset) * (t(r) - t(l))) / (o(r) - o(l));
}

/**
 * Milliseconds the group is behind on one partition at `now`, given its committed offset and the partition's high
 * watermark read at `now` (that reading joins the table as its newest point for this lookup only):
 * - unknown committed offset or high watermark → null;
 * - committed ≥ high watermark → 0: caught up, or a negative lag (offset set beyond the end, log truncated) where no
 *   record is waiting;
 * - otherwise now − the time the HWM reached the committed offset, never below 0; null when the table cannot tell
 *   (fewer than two points, or a flat table: nothing produced since the table started, the slope is unknown).
 */
export function timeLagMs(table: HwmTable, committed: number | null, highWatermark: number | null, now: number): number | null {
  if (committed === null || highWatermark === null || !Number.isFinite(committed) || !Number.isFinite(highWatermark)) return null;
  if (committed >= highWatermark) return 0;
  const reached = timeAtOffset(table, committed, { offset: highWatermark, time: now });
  return reached === null ? null : Math.max(0, Math.round(now - reached));
}

/**
 * The largest time lag of a group's rows (or of its rows on one topic): the largest known figure, flagged as a lower
 * bound while a lagging row's figure is unknown. Never 0 while a row lags with an unknown figure: null then, as 0
 * would read "caught up".
 */
export function largestTimeLag(rows: readonly { lag: string | number | null; timeLagMs: number | null }[]): {
  ms: number | null;
  lowerBound: boolean;
} {
  let ms: number | null = null;
  let unknownLagging = false;
  for (const row of rows) {
    if (row.timeLagMs !== null) ms = ms === null ? row.timeLagMs : Math.max(ms, row.timeLagMs);
    else if (row.lag !== null && Number(row.lag) > 0) unknownLagging = true;
  }
  if (unknownLagging && (ms === null || ms === 0)) return { ms: null, lowerBound: false };
  return { ms, lowerBound: unknownLagging };
}
