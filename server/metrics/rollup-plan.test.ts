import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_METRICS_RETENTION, HOUR_MS, MINUTE_MS, RAW_ROW_MS, floorTo } from '@/server/metrics/retention';
import {
  QUARTER_MS,
  SETTLE_MS,
  minutesToRollUp,
  pruneBefore,
  quarterSlots,
  quartersToPack,
  splitRange,
} from '@/server/metrics/rollup-plan';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);

describe('rollup plan', () => {
  it('aligns spans to the epoch: days are UTC days', () => {
    expect(floorTo(T0 + 5 * HOUR_MS + 7, DAY_MS)).toBe(T0);
    expect(floorTo(T0 + 61_000, MINUTE_MS)).toBe(T0 + MINUTE_MS);
    expect(floorTo(-1, MINUTE_MS)).toBe(-MINUTE_MS);
  });

  it('rolls up minutes once they ended and settled, from the first pass or where the last run stopped', () => {
    expect(minutesToRollUp(null, null, T0)).toBeNull();
    expect(minutesToRollUp(null, T0 + 5_000, T0 + 2 * MINUTE_MS + SETTLE_MS - 1)).toEqual({ from: T0, to: T0 + MINUTE_MS });
    expect(minutesToRollUp(T0 + MINUTE_MS, T0 + 5_000, T0 + 2 * MINUTE_MS + SETTLE_MS)).toEqual({
      from: T0 + MINUTE_MS,
      to: T0 + 2 * MINUTE_MS,
    });
    expect(minutesToRollUp(T0 + 2 * MINUTE_MS, T0, T0 + 2 * MINUTE_MS + SETTLE_MS)).toBeNull();
    // After a long stop, the first pass since decides where to start (nothing in between to roll up).
    expect(minutesToRollUp(T0, T0 + DAY_MS + 30_000, T0 + DAY_MS + 3 * MINUTE_MS)).toEqual({
      from: T0 + DAY_MS,
      to: T0 + DAY_MS + 2 * MINUTE_MS,
    });
  });

  it('cuts a long range at quarter boundaries', () => {
    expect(splitRange({ from: T0 + 7 * MINUTE_MS, to: T0 + 40 * MINUTE_MS }, QUARTER_MS)).toEqual([
      { from: T0 + 7 * MINUTE_MS, to: T0 + QUARTER_MS },
      { from: T0 + QUARTER_MS, to: T0 + 2 * QUARTER_MS },
      { from: T0 + 2 * QUARTER_MS, to: T0 + 40 * MINUTE_MS },
    ]);
    expect(splitRange({ from: T0, to: T0 + MINUTE_MS }, QUARTER_MS)).toEqual([{ from: T0, to: T0 + MINUTE_MS }]);
  });

  it('packs the quarters with data whose minutes are all rolled up', () => {
    expect(quartersToPack(null, [], null)).toEqual({ quarters: [], packedUntil: null });
    expect(quartersToPack(null, [T0, T0 + QUARTER_MS], T0 + 29 * MINUTE_MS)).toEqual({ quarters: [T0], packedUntil: T0 + QUARTER_MS });
    const later = [T0 + 3 * QUARTER_MS, T0 + QUARTER_MS, T0 + QUARTER_MS, T0 + 4 * QUARTER_MS];
    expect(quartersToPack(T0 + QUARTER_MS, later, T0 + HOUR_MS)).toEqual({
      quarters: [T0 + QUARTER_MS, T0 + 3 * QUARTER_MS],
      packedUntil: T0 + HOUR_MS,
    });
    // Nothing recent: packing still moves on to where the minutes are.
    expect(quartersToPack(T0, [], T0 + DAY_MS + 7 * MINUTE_MS)).toEqual({ quarters: [], packedUntil: T0 + DAY_MS });
    expect(quartersToPack(T0 + HOUR_MS, [T0], T0 + 10 * MINUTE_MS)).toEqual({ quarters: [], packedUntil: T0 + HOUR_MS });
  });

  it('places a quarter in its hour row and its day row', () => {
    expect(quarterSlots(T0)).toEqual({ hourStart: T0, firstMinuteSlot: 1, lastMinuteSlot: 15, dayStart: T0, quarterSlot: 1 });
    expect(quarterSlots(T0 + 23 * HOUR_MS + 45 * MINUTE_MS)).toEqual({
      hourStart: T0 + 23 * HOUR_MS,
      firstMinuteSlot: 46,
      lastMinuteSlot: 60,
      dayStart: T0,
      quarterSlot: 96,
    });
    expect(() => quarterSlots(T0 + MINUTE_MS)).toThrow(RangeError);
  });

  it('prunes whole rows past retention, never what packing has not reached', () => {
    const now = T0 + 40 * DAY_MS;
    const cut = pruneBefore(now, DEFAULT_METRICS_RETENTION, now - QUARTER_MS);
    // A raw row starting at now - 6 h - 15 min ends exactly at the cut-off: deleted; one a ms later is kept.
    expect(cut).toEqual({
      raw: now - 6 * HOUR_MS - RAW_ROW_MS + 1,
      oneMinute: now - 49 * HOUR_MS + 1,
      fifteenMinutes: now - 31 * DAY_MS + 1,
    });
    // Packing stopped 10 hours ago: raw since then stays.
    expect(pruneBefore(now, DEFAULT_METRICS_RETENTION, now - 10 * HOUR_MS).raw).toBe(now - 10 * HOUR_MS - RAW_ROW_MS + 1);
    expect(pruneBefore(now, DEFAULT_METRICS_RETENTION, null)).toEqual({
      raw: null,
      oneMinute: null,
      fifteenMinutes: now - 31 * DAY_MS + 1,
    });
  });
});
