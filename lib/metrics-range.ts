import { MAX_METRICS_POINTS } from '@/lib/schemas/metrics';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The time ranges a chart offers, every one ending now; `?range=` holds the key. */
export const METRIC_RANGES = { '15m': 15 * MINUTE, '1h': HOUR, '6h': 6 * HOUR, '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY } as const;
export type MetricRangeKey = keyof typeof METRIC_RANGES;
export const METRIC_RANGE_KEYS = Object.keys(METRIC_RANGES) as MetricRangeKey[];
export const DEFAULT_METRIC_RANGE: MetricRangeKey = '1h';

/** Points asked per series: a chart a few hundred pixels wide shows no more detail than this. */
export const METRIC_POINTS = Math.min(500, MAX_METRICS_POINTS);

export type MetricWindow = { range: MetricRangeKey; from: number; to: number; points: number; stepMs: number };

/** The URL's `range` parameter, or the default for a missing or unknown one. */
export function parseMetricRange(value: string | null | undefined): MetricRangeKey {
  return value && Object.hasOwn(METRIC_RANGES, value) ? (value as MetricRangeKey) : DEFAULT_METRIC_RANGE;
}

export function metricRangeMs(range: MetricRangeKey) {
  return METRIC_RANGES[range];
}

/**
 * The window [from, to) of `range` ending now. `to` is rounded up to the step (range / points), so every poll
 * within one step asks for the same window and the x axis does not creep between two points; the empty margin
 * on the right is at most one step, 1/500 of the width.
 */
export function metricWindow(range: MetricRangeKey, now: number, points = METRIC_POINTS): MetricWindow {
  const span = METRIC_RANGES[range];
  const stepMs = Math.ceil(span / points);
  const to = Math.ceil(now / stepMs) * stepMs;
  return { range, from: to - span, to, points, stepMs };
}
