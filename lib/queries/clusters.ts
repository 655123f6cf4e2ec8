import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { apiRoutes } from '@/lib/routes';
import { clusterListResponseSchema } from '@/lib/schemas/clusters';

export const clusterQueries = {
  all: () => ['clusters'] as const,
  list: () =>
    queryOptions({
      queryKey: [...clusterQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.clusters(), clusterListResponseSchema, signal),
      refetchInterval: POLL.SLOW,
    }),
};
