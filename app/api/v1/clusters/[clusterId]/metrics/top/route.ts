import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { getDashboardTop } from '@/server/metrics/get-metrics';

export const GET = route<{ clusterId: string }>({ name: 'metrics.top', permission: 'read' }, async ({ params }) =>
  ok(await getDashboardTop(params.clusterId)),
);
