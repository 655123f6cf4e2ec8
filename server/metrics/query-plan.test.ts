import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_METRICS_RETENTION, FIFTEEN_MINUTES, HOUR_MS, MINUTE_MS, ONE_MINUTE } from '@/server/metrics/retention';
import { chooseResolution, joinSegments, medianSpacing, planSegments, responseStep } from '@/server/metrics/query-plan';

const now = Date.UTC(2025, 0, 10, 12, 0, 0);
const retention = DEFAULT_METRICS_RETENTION;
const rolledUntil = new Map([
  [ONE_MINUTE.stepMs, now - 2 * MINUTE_MS],
  [FIFTEEN_MINUTES.stepMs, now - 15 * MINUTE_MS],
]);

describe('query plan', () => {
  it('picks the finest resolution whose retention reaches back to from', () => {
    expect(chooseResolution(now - 6 * HOUR_MS, now, retention)).toBe('raw');
    expect(chooseResolution(now - 6 * HOUR_MS - 1, now, retention)).toBe(ONE_MINUTE);
    expect(chooseResolution(now - 48 * HOUR_MS, now, retention)).toBe(ONE_MINUTE);
    expect(chooseResolution(now - 7 * DAY_MS, now, retention)).toBe(FIFTEEN_MINUTES);
    expect(chooseResolution(now - 90 * DAY_MS, now, retention)).toBe(FIFTEEN_MINUTES);
  });

  it('reads a 7-day range from 15-minute rollups, then 1-minute rollups, then raw points to the end', () => {
    const { resolution, segments } = planSegments({ from: now - 7 * DAY_MS, to: now, now, retention, rolledUntil });
    expect(resolution).toBe(FIFTEEN_MINUTES);
    expect(segments).toEqual([
      { resolution: FIFTEEN_MINUTES, from: now - 7 * DAY_MS, to: now - 15 * MINUTE_MS },
      { resolution: ONE_MINUTE, from: now - 15 * MINUTE_MS, to: now - 2 * MINUTE_MS },
      { resolution: 'raw', from: now - 2 * MINUTE_MS, to: now },
    ]);
  });

  it('reads raw only for a recent range, and a past range from one rollup', () => {
    expect(planSegments({ from: now - HOUR_MS, to: now, now, retention, rolledUntil }).segments).toEqual([
      { resolution: 'raw', from: now - HOUR_MS, to: now },
    ]);
    expect(planSegments({ from: now - 24 * HOUR_MS, to: now - 20 * HOUR_MS, now, retention, rolledUntil }).segments).toEqual([
      { resolution: ONE_MINUTE, from: now - 24 * HOUR_MS, to: now - 20 * HOUR_MS },
    ]);
  });

  it('falls back to raw points where nothing is rolled up yet', () => {
    expect(planSegments({ from: now - DAY_MS, to: now, now, retention, rolledUntil: new Map() }).segments).toEqual([
      { resolution: 'raw', from: now - DAY_MS, to: now },
    ]);
  });

  it('joins stretches, breaking the line where points are more than 3 steps apart', () => {
    const joined = joinSegments([
      {
        stepMs: 60_000,
        points: [
          [0, 1],
          [60_000, 2],
        ],
      },
      {
        stepMs: 15_000,
        points: [
          [120_000, 3],
          [135_000, null],
          [150_000, 4],
          [250_000, 5],
        ],
      },
    ]);
    // 60 s → 120 s is one 1-minute step: no break; 150 s → 250 s is more than 3 raw steps.
    expect(joined).toEqual([
      [0, 1],
      [60_000, 2],
      [120_000, 3],
      [135_000, null],
      [150_000, 4],
      [165_000, null],
      [250_000, 5],
    ]);
  });

  it('measures the raw spacing as the median interval', () => {
    expect(
      medianSpacing([
        [0, 15_000, 30_000, 75_000],
        [0, 14_000],
      ]),
    ).toBe(15_000);
    expect(
      medianSpacing([
        [0, 10],
        [0, 20],
      ]),
    ).toBe(15);
    expect(medianSpacing([[5]])).toBeNull();
  });

  it('answers the data step, or the downsampled spacing when wider', () => {
    expect(responseStep(15_000, 0, 6 * HOUR_MS, 2000)).toBe(15_000);
    expect(responseStep(60_000, 0, 48 * HOUR_MS, 2000)).toBe(86_400);
    expect(responseStep(null, 0, 1000, 2000)).toBe(1);
  });
});
