import { z } from 'zod';
import { ApiError } from '@/lib/errors';
import { blankToUndefined, epochMs, queryEpochMs } from '@/lib/schemas/common';
import { groupTypeSchema } from '@/lib/schemas/consumer-groups';

/** What a series describes: the cluster, a topic, a broker or a consumer group (its key names which one). */
export const metricScopeSchema = z.enum(['cluster', 'topic', 'broker', 'group']);
export type MetricScope = z.infer<typeof metricScopeSchema>;

/** [time (epoch ms), value]; a null value is a gap (no data), drawn as a break in the line. */
export const metricPointSchema = z.tuple([epochMs, z.number().nullable()]);
export type MetricPoint = z.infer<typeof metricPointSchema>;

export const metricSeriesSchema = z
  .object({
    name: z.string(),
    unit: z.string(),
    labels: z.record(z.string(), z.string()).optional(),
    points: z.array(metricPointSchema),
  })
  .meta({ id: 'MetricSeries' });
export type MetricSeries = z.infer<typeof metricSeriesSchema>;

/**
 * A time range of every series of one scope. `stepMs`: the spacing of the points the series were read from
 * (the rollup slot, or the sampling interval for raw points), or the spacing after downsampling when wider.
 */
export const metricsRangeResponseSchema = z
  .object({ from: epochMs, to: epochMs, stepMs: z.number().int().positive(), series: z.array(metricSeriesSchema) })
  .meta({ id: 'MetricsRangeResponse' });
export type MetricsRangeResponse = z.infer<typeof metricsRangeResponseSchema>;

/** The longest range one request may ask for: the 15-minute rollups' default retention plus a day of slack. */
export const MAX_METRICS_RANGE_MS = 31 * 24 * 3_600_000;
/** Series are downsampled (LTTB) to at most this many points: what a chart can draw without slowing down. */
export const MAX_METRICS_POINTS = 2_000;

const queryInt = z.preprocess(blankToUndefined, queryEpochMs.optional());

/**
 * `?from&to&points`: epoch ms, `to` exclusive, defaulting to now and `from` to an hour before `to`; `points` per
 * series, default 500. resolveMetricsRange applies the defaults and checks the range.
 */
export const metricsRangeQuerySchema = z.object({
  from: queryInt.meta({ description: 'epoch ms, inclusive; default: an hour before `to`' }),
  to: queryInt.meta({ description: 'epoch ms, exclusive; default: now' }),
  points: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MAX_METRICS_POINTS).default(500))
    .meta({ description: 'at most this many points per series (LTTB)' }),
});
export type MetricsRange = { from: number; to: number; points: number };

/** The range a query asks for, defaults applied; an empty or too long range is refused (422). */
export function resolveMetricsRange(query: z.output<typeof metricsRangeQuerySchema>, now: number): MetricsRange {
  const to = query.to ?? now;
  const from = query.from ?? to - 3_600_000;
  const problem = from >= to ? 'from must be before to' : to - from > MAX_METRICS_RANGE_MS ? 'the range may span at most 31 days' : null;
  if (problem) throw new ApiError('VALIDATION', problem, { fieldErrors: { from: [problem] } });
  return { from, to, points: query.points };
}

/** A ranked group's type as the cluster's groups snapshot has it; null when the group is not in it (deleted, unread). */
const rankedGroupType = groupTypeSchema.nullable();

/**
 * The dashboard's rankings, averaged over the last few sampling passes (`windowMs`): topics by messages in per
 * second, groups by lag and by time lag. Empty lists while no pass is stored yet (asOf null).
 */
export const metricsTopResponseSchema = z
  .object({
    asOf: epochMs.nullable(),
    windowMs: z.number().int().positive(),
    topicsByThroughput: z.array(z.object({ topic: z.string(), messagesInPerSec: z.number(), bytesInPerSec: z.number().nullable() })),
    groupsByLag: z.array(z.object({ groupId: z.string(), type: rankedGroupType, lag: z.number() })),
    groupsByTimeLag: z.array(z.object({ groupId: z.string(), type: rankedGroupType, timeLagSeconds: z.number() })),
  })
  .meta({ id: 'MetricsTopResponse' });
export type MetricsTopResponse = z.infer<typeof metricsTopResponseSchema>;
