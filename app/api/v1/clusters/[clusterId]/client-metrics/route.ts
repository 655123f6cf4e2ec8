import * as endpoints from '@/server/api/endpoints/client-metrics';
import { createClientMetrics } from '@/server/client-metrics/change-subscriptions';
import { listClientMetrics } from '@/server/client-metrics/read-subscriptions';
import { route } from '@/server/http/route';

export const GET = route(endpoints.listClientMetrics, async ({ params }) => listClientMetrics(params.clusterId));

export const POST = route(endpoints.createClientMetrics, async ({ params, body }) => createClientMetrics(params.clusterId, body));
