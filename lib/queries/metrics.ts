import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { metricWindow, type MetricRangeKey } from '@/lib/metrics-range';
import { POLL } from '@/lib/queries/client';
import { apiRoutes, type MetricTarget } from '@/lib/routes';
import { metricsRangeResponseSchema, metricsTopResponseSchema } from '@/lib/schemas/metrics';

/** The key part naming whose series (the scope's key: topic, broker id, group id; '' for the cluster). */
function targetKey(target: MetricTarget) {
  switch (target.scope) {
    case 'cluster':
      return ['cluster', ''] as const;
    case 'topic':
      return ['topic', target.topic] as const;
    case 'broker':
      return ['broker', String(target.brokerId)] as const;
    case 'group':
      return ['group', target.groupId] as const;
  }
}

/**
 * Every range ends now, so each is polled; a range whose points lie further apart than the slow preset
 * gains nothing from the live one (6 h and more: a point every 43 s or more).
 */
function pollFor(range: MetricRangeKey) {
  return metricWindow(range, 0).stepMs <= POLL.SLOW ? POLL.LIVE : POLL.SLOW;
}

export const metricQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'metrics'] as const,
  /**
   * The series of one target over `range` ending now. The key holds the range's name, not its window: the
   * window is computed when each poll runs (rounded to the step, lib/metrics-range.ts), so polling keeps one
   * cache entry and the chart keeps its data while the next window loads.
   */
  range: (clusterId: string, target: MetricTarget, range: MetricRangeKey) =>
    queryOptions({
      queryKey: [...metricQueries.all(clusterId), ...targetKey(target), range] as const,
      queryFn: ({ signal }) =>
        apiGet(apiRoutes.metrics(clusterId, target, metricWindow(range, Date.now())), metricsRangeResponseSchema, signal),
      refetchInterval: pollFor(range),
    }),
  top: (clusterId: string) =>
    queryOptions({
      queryKey: [...metricQueries.all(clusterId), 'top'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.metricsTop(clusterId), metricsTopResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
};
