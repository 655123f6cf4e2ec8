// Rollup and retention arithmetic (pure; server/metrics/rollup.ts runs the SQL). Every minute the minutes that
// ended are rolled up from the raw passes in metric_recent; every quarter of an hour whose minutes are all rolled up
// is packed: its raw points into a metric_raw row per series, its 15 minute slots into the series' hour row, one
// 15-minute slot into its day row.
import { FIFTEEN_MINUTES, MINUTE_MS, ONE_MINUTE, RAW_ROW_MS, floorTo, type MetricsRetention } from '@/server/metrics/retention';

/**
 * A minute is rolled up once it ended this long ago: a pass is stamped with its snapshot time and written a moment
 * later (a pass older than the rolled-up minutes is refused, see write.ts). A generous margin costs nothing
 * visible: queries read raw points past the rolled-up minutes.
 */
export const SETTLE_MS = 60_000;
/** Packing works a quarter of an hour at a time: one raw row span, one 15-minute slot. */
export const QUARTER_MS = RAW_ROW_MS;

export type Range = { from: number; to: number };

/** The minutes to roll up at `now`: from where the last run stopped (or the first pass's minute) to the last settled minute. */
export function minutesToRollUp(rolledUntil: number | null, earliestPass: number | null, now: number): Range | null {
  if (earliestPass === null) return null;
  const from = Math.max(rolledUntil ?? -Infinity, floorTo(earliestPass, MINUTE_MS));
  const to = floorTo(now - SETTLE_MS, MINUTE_MS);
  return to > from ? { from, to } : null;
}

/** `range` cut at multiples of `span`: a rollup after a long stop works in bounded statements. */
export function splitRange({ from, to }: Range, span: number): Range[] {
  const parts: Range[] = [];
  for (let start = from; start < to; start = Math.min(to, floorTo(start, span) + span))
    parts.push({ from: start, to: Math.min(to, floorTo(start, span) + span) });
  return parts;
}

/**
 * The quarters to pack at this run: those holding recent rows whose minutes are all rolled up, oldest first
 * (empty quarters, e.g. while the console was down, are skipped), and how far packing then reaches.
 */
export function quartersToPack(
  packedUntil: number | null,
  quartersWithData: readonly number[],
  minutesRolledUntil: number | null,
): { quarters: number[]; packedUntil: number | null } {
  if (minutesRolledUntil === null) return { quarters: [], packedUntil };
  const until = Math.max(packedUntil ?? -Infinity, floorTo(minutesRolledUntil, QUARTER_MS));
  const quarters = [...new Set(quartersWithData)]
    .filter((q) => q >= (packedUntil ?? -Infinity) && q + QUARTER_MS <= until)
    .sort((a, b) => a - b);
  return { quarters, packedUntil: Number.isFinite(until) ? until : null };
}

/** Where a quarter's slots go in the packed rows: subscripts are 1-based, as in PostgreSQL. */
export type QuarterSlots = { hourStart: number; firstMinuteSlot: number; lastMinuteSlot: number; dayStart: number; quarterSlot: number };

export function quarterSlots(quarter: number): QuarterSlots {
  if (quarter % QUARTER_MS !== 0) throw new RangeError(`not the start of a quarter of an hour: ${quarter}`);
  const hourStart = floorTo(quarter, ONE_MINUTE.rowMs);
  const dayStart = floorTo(quarter, FIFTEEN_MINUTES.rowMs);
  const firstMinuteSlot = (quarter - hourStart) / MINUTE_MS + 1;
  return {
    hourStart,
    firstMinuteSlot,
    lastMinuteSlot: firstMinuteSlot + QUARTER_MS / MINUTE_MS - 1,
    dayStart,
    quarterSlot: (quarter - dayStart) / QUARTER_MS + 1,
  };
}

/** Packed rows starting before these times are deleted (null: none yet); a row goes once all of it is past retention. */
export type PruneBefore = { raw: number | null; oneMinute: number | null; fifteenMinutes: number };

/** Retention cut-offs at `now`. Nothing is deleted that packing has not reached: a stalled rollup keeps its data. */
export function pruneBefore(now: number, retention: MetricsRetention, packedUntil: number | null): PruneBefore {
  // A row ends at bucket_start + span: it goes when that is at or before the cut-off, i.e. bucket_start < cutoff - span + 1.
  const before = (cutoff: number, span: number) => cutoff - span + 1;
  const capped = (cutoff: number) => (packedUntil === null ? null : Math.min(cutoff, packedUntil));
  const raw = capped(now - retention.rawMs);
  const oneMinute = capped(now - retention.oneMinuteMs);
  return {
    raw: raw === null ? null : before(raw, RAW_ROW_MS),
    oneMinute: oneMinute === null ? null : before(oneMinute, ONE_MINUTE.rowMs),
    fifteenMinutes: before(now - retention.fifteenMinuteMs, FIFTEEN_MINUTES.rowMs),
  };
}
