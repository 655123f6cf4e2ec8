import { getClusterOverview } from '@/server/cluster-state/cluster-overview';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

export const GET = route<{ clusterId: string }>({ name: 'clusters.overview', permission: 'read' }, async ({ params }) =>
  ok(await getClusterOverview(params.clusterId)),
);
