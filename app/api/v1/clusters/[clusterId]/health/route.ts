import { getClusterHealth } from '@/server/cluster-state/cluster-health';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

export const GET = route<{ clusterId: string }>({ name: 'health.partitions', permission: 'read' }, async ({ params }) =>
  ok(await getClusterHealth(params.clusterId)),
);
