import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { clusterOverviewSchema } from '@/lib/schemas/overview';

export const overviewQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'overview'] as const,
  detail: (clusterId: string) =>
    queryOptions({
      queryKey: overviewQueries.all(clusterId),
      queryFn: ({ signal }) => apiGet(`/api/v1/clusters/${encodeURIComponent(clusterId)}/overview`, clusterOverviewSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
};
