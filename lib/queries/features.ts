import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { apiRoutes } from '@/lib/routes';
import { clusterFeaturesResponseSchema } from '@/lib/schemas/features';

export const featureQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'features'] as const,
  /** Feature levels change only when someone upgrades one: read on demand, not polled. */
  list: (clusterId: string) =>
    queryOptions({
      queryKey: [...featureQueries.all(clusterId), 'list'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.features(clusterId), clusterFeaturesResponseSchema, signal),
    }),
};
