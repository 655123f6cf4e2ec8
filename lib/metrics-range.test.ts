import { describe, expect, it } from 'vitest';
import { MAX_METRICS_POINTS, MAX_METRICS_RANGE_MS } from '@/lib/schemas/metrics';
import { DEFAULT_METRIC_RANGE, METRIC_RANGE_KEYS, METRIC_RANGES, metricWindow, parseMetricRange } from '@/lib/metrics-range';

describe('parseMetricRange', () => {
  it.each(['15m', '1h', '6h', '24h', '7d', '30d'])('keeps %s', (key) => expect(parseMetricRange(key)).toBe(key));
  it.each([null, undefined, '', '2h', 'toString', '__proto__'])('falls back to 1h for %s', (value) =>
    expect(parseMetricRange(value)).toBe('1h'),
  );
  it('defaults to an hour', () => expect(DEFAULT_METRIC_RANGE).toBe('1h'));
});

describe('metricWindow', () => {
  const now = Date.UTC(2026, 0, 2, 12, 0, 3, 250);

  it('spans the range and ends at or just after now', () => {
    for (const key of METRIC_RANGE_KEYS) {
      const w = metricWindow(key, now);
      expect(w.to - w.from).toBe(METRIC_RANGES[key]);
      expect(w.to).toBeGreaterThanOrEqual(now);
      expect(w.to - now).toBeLessThan(w.stepMs);
      expect(w.to % w.stepMs).toBe(0);
    }
  });

  it('gives the same window to every poll within one step, the next one after it', () => {
    const a = metricWindow('1h', now);
    expect(a.stepMs).toBe(7_200);
    expect(metricWindow('1h', a.to - a.stepMs + 1)).toEqual(a);
    expect(metricWindow('1h', a.to)).toEqual(a);
    expect(metricWindow('1h', a.to + 1).to).toBe(a.to + a.stepMs);
  });

  it('asks for 500 points, never more than the API allows, over a range the API accepts', () => {
    for (const key of METRIC_RANGE_KEYS) {
      const w = metricWindow(key, now);
      expect(w.points).toBe(500);
      expect(w.points).toBeLessThanOrEqual(MAX_METRICS_POINTS);
      expect(w.to - w.from).toBeLessThanOrEqual(MAX_METRICS_RANGE_MS);
    }
  });
});
