import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { apiRoutes } from '@/lib/routes';
import { clientMetricsListSchema } from '@/lib/schemas/client-metrics';

export const clientMetricsQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'client-metrics'] as const,
  /** Subscriptions are configs: read on demand, not polled; this console's changes invalidate it. */
  list: (clusterId: string) =>
    queryOptions({
      queryKey: [...clientMetricsQueries.all(clusterId), 'list'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.clientMetrics(clusterId), clientMetricsListSchema, signal),
    }),
};
