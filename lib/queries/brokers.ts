import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { apiRoutes } from '@/lib/routes';
import { brokerListResponseSchema } from '@/lib/schemas/brokers';

export const brokerQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'brokers'] as const,
  list: (clusterId: string) =>
    queryOptions({
      queryKey: [...brokerQueries.all(clusterId), 'list'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.brokers(clusterId), brokerListResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
};
