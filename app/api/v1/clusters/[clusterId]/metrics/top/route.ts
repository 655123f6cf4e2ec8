import * as endpoints from '@/server/api/endpoints/metrics';
import { route } from '@/server/http/route';
import { getDashboardTop } from '@/server/metrics/get-metrics';

export const GET = route(endpoints.dashboardTop, async ({ params }) => getDashboardTop(params.clusterId));
