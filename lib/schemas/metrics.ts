import { z } from 'zod';
import { epochMs } from '@/lib/schemas/common';

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
