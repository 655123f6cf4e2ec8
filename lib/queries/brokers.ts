import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { apiRoutes } from '@/lib/routes';
import { brokerDetailResponseSchema, brokerListResponseSchema } from '@/lib/schemas/brokers';
import { configListResponseSchema } from '@/lib/schemas/configs';

export const brokerQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'brokers'] as const,
  list: (clusterId: string) =>
    queryOptions({
      queryKey: [...brokerQueries.all(clusterId), 'list'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.brokers(clusterId), brokerListResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
  /** Counts and disk move: polled. Configs are read separately, once (they change only when someone changes them). */
  detail: (clusterId: string, brokerId: number) =>
    queryOptions({
      queryKey: [...brokerQueries.all(clusterId), 'detail', brokerId] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.broker(clusterId, brokerId, { configs: false }), brokerDetailResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
  configs: (clusterId: string, brokerId: number) =>
    queryOptions({
      queryKey: [...brokerQueries.all(clusterId), 'detail', brokerId, 'configs'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.brokerConfigs(clusterId, brokerId), configListResponseSchema, signal),
    }),
  /** The cluster-wide dynamic defaults: only the keys set at that level (what "all brokers" edits change). */
  clusterDefaultConfigs: (clusterId: string) =>
    queryOptions({
      queryKey: [...brokerQueries.all(clusterId), 'default', 'configs'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.brokerConfigs(clusterId, 'default'), configListResponseSchema, signal),
    }),
};
