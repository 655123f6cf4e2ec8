import { describe, expect, it } from 'vitest';
import { addHwmPoint, timeAtOffset, timeLagMs, type HwmTable } from '@/server/lag/time-lag';

/** A table from (offset, time) pairs, added one by one as the sampler would. */
function table(...points: [number, number][]): HwmTable {
  const t: HwmTable = [];
  for (const [offset, time] of points) addHwmPoint(t, offset, time);
  return t;
}
const pairs = (t: HwmTable) => Array.from({ length: t.length / 2 }, (_, i) => [t[2 * i], t[2 * i + 1]]);

describe('addHwmPoint (kafka-lag-exporter lookup table)', () => {
  it('appends increasing points', () => {
    expect(pairs(table([0, 1000], [100, 2000], [250, 3000]))).toEqual([
      [0, 1000],
      [100, 2000],
      [250, 3000],
    ]);
  });

  it('ignores a point that is not newer than the last one', () => {
    expect(pairs(table([100, 2000], [150, 2000], [160, 1500]))).toEqual([[100, 2000]]);
  });

  it('keeps the first and the last point of a flat run', () => {
    expect(pairs(table([0, 1000], [200, 2000], [200, 3000], [200, 4000], [200, 5000]))).toEqual([
      [0, 1000],
      [200, 2000],
      [200, 5000],
    ]);
    expect(pairs(table([200, 1000], [200, 2000], [200, 3000], [300, 4000]))).toEqual([
      [200, 1000],
      [200, 3000],
      [300, 4000],
    ]);
  });

  it('starts again when the high watermark goes backwards (topic recreated, log truncated)', () => {
    expect(pairs(table([100, 1000], [200, 2000], [5, 3000], [10, 4000]))).toEqual([
      [5, 3000],
      [10, 4000],
    ]);
  });

  it('drops the oldest point beyond the limit', () => {
    const t: HwmTable = [];
    for (let i = 0; i < 5; i += 1) addHwmPoint(t, i * 10, i * 1000, 3);
    expect(pairs(t)).toEqual([
      [20, 2000],
      [30, 3000],
      [40, 4000],
    ]);
  });
});

describe('timeAtOffset', () => {
  const steady = table([100, 10_000], [200, 20_000], [300, 30_000]);

  it('interpolates inside the table', () => {
    expect(timeAtOffset(steady, 150)).toBe(15_000);
    expect(timeAtOffset(steady, 200)).toBe(20_000);
    expect(timeAtOffset(steady, 275)).toBe(27_500);
  });

  it('extrapolates below the table on the oldest-to-newest slope', () => {
    expect(timeAtOffset(steady, 50)).toBe(5_000);
    expect(timeAtOffset(table([100, 10_000], [110, 20_000], [300, 30_000]), 0)).toBe(10_000 - (100 * 20_000) / 200);
  });

  it('after a flat run, answers the last time the high watermark stood at the offset', () => {
    const idle = table([100, 10_000], [200, 20_000], [200, 50_000], [300, 60_000]);
    expect(timeAtOffset(idle, 200)).toBe(50_000);
    expect(timeAtOffset(idle, 250)).toBe(55_000);
    expect(timeAtOffset(idle, 150)).toBe(15_000);
  });

  it('is null with fewer than two points, above the table, or on a flat table (slope unknown)', () => {
    expect(timeAtOffset(table(), 0)).toBeNull();
    expect(timeAtOffset(table([100, 1000]), 50)).toBeNull();
    expect(timeAtOffset(steady, 301)).toBeNull();
    expect(timeAtOffset(table([100, 1000], [100, 2000]), 50)).toBeNull();
  });

  it('takes a newer reading as the newest point, leaves an older one out', () => {
    const one = table([100, 10_000]);
    expect(timeAtOffset(one, 150, { offset: 200, time: 20_000 })).toBe(15_000);
    expect(timeAtOffset(steady, 250, { offset: 300, time: 25_000 })).toBe(25_000);
  });

  it('is null when a newer reading is below the table (the table is of another log)', () => {
    expect(timeAtOffset(steady, 5, { offset: 10, time: 40_000 })).toBeNull();
  });
});

describe('timeLagMs', () => {
  const t = table([0, 0], [1000, 10_000], [2000, 20_000]);

  it('is now − the time the high watermark reached the committed offset', () => {
    expect(timeLagMs(t, 1500, 2000, 20_000)).toBe(5_000);
    // Read later with more records: the current reading extends the table.
    expect(timeLagMs(t, 1500, 2500, 25_000)).toBe(10_000);
  });

  it('grows with wall time while a stopped group keeps its offset and the producer goes on', () => {
    const grows = [25_000, 30_000, 40_000].map((now) => timeLagMs(t, 1000, 2000 + (now - 20_000) / 10, now));
    expect(grows).toEqual([15_000, 20_000, 30_000]);
  });

  it('is 0 when caught up, and for a negative lag (no record waiting)', () => {
    expect(timeLagMs(t, 2000, 2000, 30_000)).toBe(0);
    expect(timeLagMs(t, 2600, 2000, 30_000)).toBe(0);
  });

  it('is null without a commit or a high watermark, or when the table cannot tell', () => {
    expect(timeLagMs(t, null, 2000, 30_000)).toBeNull();
    expect(timeLagMs(t, 100, null, 30_000)).toBeNull();
    expect(timeLagMs([], 100, 2000, 30_000)).toBeNull();
    // No record produced since sampling began: the records behind were produced at an unknown time.
    expect(timeLagMs(table([2000, 10_000], [2000, 20_000]), 100, 2000, 30_000)).toBeNull();
  });

  it('is never negative (a snapshot read before the last sample)', () => {
    expect(timeLagMs(t, 1990, 2000, 15_000)).toBe(0);
  });

  it('extrapolates for an offset older than the table', () => {
    const recent = table([10_000, 100_000], [11_000, 110_000]);
    expect(timeLagMs(recent, 5_000, 11_000, 110_000)).toBe(60_000);
  });
});

describe('largestTimeLag', () => {
  it('is the largest known figure, a lower bound while a lagging row is unknown, never 0 then', async () => {
    const { largestTimeLag } = await import('@/server/lag/time-lag');
    expect(
      largestTimeLag([
        { lag: '5', timeLagMs: 2_000 },
        { lag: '0', timeLagMs: 0 },
      ]),
    ).toEqual({ ms: 2_000, lowerBound: false });
    expect(
      largestTimeLag([
        { lag: '5', timeLagMs: 2_000 },
        { lag: 616, timeLagMs: null },
      ]),
    ).toEqual({ ms: 2_000, lowerBound: true });
    // The measured bug: every lagging partition unknown, a caught-up one at 0 → "0 s". Now unknown.
    expect(
      largestTimeLag([
        { lag: '0', timeLagMs: 0 },
        { lag: '616', timeLagMs: null },
      ]),
    ).toEqual({ ms: null, lowerBound: false });
    expect(
      largestTimeLag([
        { lag: null, timeLagMs: null },
        { lag: '-3', timeLagMs: 0 },
      ]),
    ).toEqual({ ms: 0, lowerBound: false });
    expect(largestTimeLag([])).toEqual({ ms: null, lowerBound: false });
  });
});
