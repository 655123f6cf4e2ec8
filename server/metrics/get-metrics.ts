import 'server-only';
import type { z } from 'zod';
import {
  resolveMetricsRange,
  type MetricScope,
  type MetricsRangeResponse,
  type MetricsTopResponse,
  type metricsRangeQuerySchema,
} from '@/lib/schemas/metrics';
import { getClusterConfig, getConfig } from '@/server/config/current';
import { lagSettings, metricsRetention } from '@/server/config/schema';
import { queryRange } from '@/server/metrics/query';
import { getMetricsTop } from '@/server/metrics/top';

/**
 * What the metrics API answers for one scope: the stored series over the range, downsampled. A topic or group that
 * no longer exists still has its history until retention removes it, so an unknown key is an empty answer, not 404.
 */
export async function getMetrics(
  clusterId: string,
  scope: MetricScope,
  key: string,
  query: z.output<typeof metricsRangeQuerySchema>,
): Promise<MetricsRangeResponse> {
  const now = Date.now();
  const range = resolveMetricsRange(query, now);
  return queryRange({ clusterId, scope, key, ...range, now, retention: metricsRetention(getConfig()) });
}

/** Rankings over the last minute, or the last four passes when passes are further apart. */
export async function getDashboardTop(clusterId: string): Promise<MetricsTopResponse> {
  const { intervalMs } = lagSettings(getConfig(), getClusterConfig(clusterId));
  return getMetricsTop(clusterId, { windowMs: Math.max(60_000, 4 * intervalMs) });
}
