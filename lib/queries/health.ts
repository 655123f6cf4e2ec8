import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { apiRoutes } from '@/lib/routes';
import { clusterHealthResponseSchema } from '@/lib/schemas/health-partitions';

export const healthQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'health'] as const,
  /** Every at-risk partition; the view filters and sorts them (the list is one cluster's problems, not its size). */
  partitions: (clusterId: string) =>
    queryOptions({
      queryKey: [...healthQueries.all(clusterId), 'partitions'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.health(clusterId), clusterHealthResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
};
