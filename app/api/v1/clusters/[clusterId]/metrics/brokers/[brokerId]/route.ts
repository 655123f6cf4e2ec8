import * as endpoints from '@/server/api/endpoints/metrics';
import { route } from '@/server/http/route';
import { getMetrics } from '@/server/metrics/get-metrics';

export const GET = route(endpoints.brokerMetrics, async ({ params, query }) =>
  getMetrics(params.clusterId, 'broker', params.brokerId, query),
);
