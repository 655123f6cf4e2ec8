import 'server-only';
import { resolveMetricsRange, type MetricScope, type MetricsRangeResponse, type metricsRangeQuerySchema } from '@/lib/schemas/metrics';
import type { z } from 'zod';
import { getConfig } from '@/server/config/current';
import { metricsRetention } from '@/server/config/schema';
import { queryRange } from '@/server/metrics/query';

/**
 * What the metrics API answers for one scope: the stored series over the range, downsampled. A topic or group that
 * no longer exists still has its history until retention removes it, so an unknown key is an empty answer, not 404.
 */
export async function getMetrics(clusterId: string, scope: MetricScope, key: string, query: z.output<typeof metricsRangeQuerySchema>): Promise<MetricsRangeResponse> {
  const now = Date.now();
  const range = resolveMetricsRange(query, now);
  return queryRange({ clusterId, scope, key, ...range, now, retention: metricsRetention(getConfig()) });
}
