import { clusterPermissions } from '@/server/auth/cluster-permissions';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

export const GET = route<{ clusterId: string }>({ name: 'clusters.permissions', permission: 'read' }, async ({ params, principal }) =>
  ok(clusterPermissions(principal, params.clusterId)),
);
