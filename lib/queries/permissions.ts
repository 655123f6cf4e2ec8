import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { apiRoutes } from '@/lib/routes';
import { clusterPermissionsResponseSchema } from '@/lib/schemas/permissions';

export const permissionQueries = {
  /** Changes only when the configuration does: read once per page, refreshed when the window regains focus. */
  cluster: (clusterId: string) =>
    queryOptions({
      queryKey: ['clusters', clusterId, 'permissions'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.clusterPermissions(clusterId), clusterPermissionsResponseSchema, signal),
      staleTime: 60_000,
    }),
};
