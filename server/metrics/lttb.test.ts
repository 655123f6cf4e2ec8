import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '@/lib/schemas/metrics';
import { allocate, lttb } from '@/server/metrics/lttb';

const series = (values: (number | null)[], step = 1000): MetricPoint[] => values.map((v, i) => [i * step, v]);

describe('lttb', () => {
  it('returns the points as they are when there are not more than max', () => {
    const points = series([1, null, null, 3]);
    expect(lttb(points, 4)).toEqual(points);
    expect(lttb([], 10)).toEqual([]);
  });

  it('keeps exactly max points, the first and last, and a spike', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i / 50));
    values[437] = 25;
    const out = lttb(series(values), 100);
    expect(out).toHaveLength(100);
    expect(out[0]).toEqual([0, 0]);
    expect(out.at(-1)).toEqual([999_000, values[999]]);
    expect(out).toContainEqual([437_000, 25]);
  });

  it('picks the point making the largest triangle in each bucket', () => {
    // 1 + 2 buckets of 2 + 1: the bucket [1, 2] keeps 2 (far from the line 0→avg(3, 4)), [3, 4] keeps 3.
    expect(lttb(series([0, 0, 10, 0, 0, 0]), 4)).toEqual([
      [0, 0],
      [2000, 10],
      [3000, 0],
      [5000, 0],
    ]);
  });

  it('keeps one gap for a run of nulls and downsamples each side separately', () => {
    const values = [...Array.from({ length: 100 }, (_, i) => i), null, null, null, ...Array.from({ length: 100 }, (_, i) => 100 - i)];
    const out = lttb(series(values), 21);
    expect(out).toHaveLength(21);
    expect(out.filter(([, v]) => v === null)).toEqual([[100_000, null]]);
    const gapAt = out.findIndex(([, v]) => v === null);
    expect(out[gapAt - 1]).toEqual([99_000, 99]);
    expect(out[gapAt + 1]).toEqual([103_000, 100]);
  });

  it('keeps the longest stretches when data flaps between values and nulls', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? i : null));
    values.splice(500, 0, ...Array.from({ length: 50 }, () => 7));
    const out = lttb(series(values), 10);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.filter(([, v]) => v === 7).length).toBeGreaterThan(1);
    expect(lttb(series([1, null, 2, null, 3]), 1)).toHaveLength(1);
    expect(lttb(series([null, 1, null, 2, null]), 2)).toHaveLength(2);
  });

  it('never bridges a gap, keeps within max, and returns input points in time order (property)', () => {
    const value = fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), fc.integer({ min: 1, max: 120 }), (values, max) => {
        const points = series(values);
        const out = lttb(points, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
        const byTime = new Map(points.map(([t, v]) => [t, v]));
        for (const [i, [t, v]] of out.entries()) {
          expect(byTime.get(t)).toBe(v);
          const previous = out[i - 1];
          if (!previous) continue;
          expect(t).toBeGreaterThan(previous[0]);
          // Two data points next to each other in the output have no null between them in the input.
          if (v !== null && previous[1] !== null) {
            const between = points.filter(([time, value]) => time > previous[0] && time < t && value === null);
            expect(between).toEqual([]);
          }
        }
      }),
    );
  });

  it('refuses a budget below one point', () => {
    expect(() => lttb(series([1, 2]), 0)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  it('splits in proportion, at least one point each, summing to the budget', () => {
    expect(allocate([100, 300], 40)).toEqual([10, 30]);
    expect(allocate([1, 1000], 10)).toEqual([1, 9]);
    expect(allocate([3, 5], 100)).toEqual([3, 5]);
    expect(allocate([10, 10, 10], 10).reduce((a, b) => a + b)).toBe(10);
  });
});
