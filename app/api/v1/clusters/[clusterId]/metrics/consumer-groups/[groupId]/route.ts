import * as endpoints from '@/server/api/endpoints/metrics';
import { route } from '@/server/http/route';
import { getMetrics } from '@/server/metrics/get-metrics';

export const GET = route(endpoints.groupMetrics, async ({ params, query }) => getMetrics(params.clusterId, 'group', params.groupId, query));
