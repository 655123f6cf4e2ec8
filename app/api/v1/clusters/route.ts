import { listClusters } from '@/server/clusters/list-clusters';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

export const GET = route({ name: 'clusters.list', permission: 'read' }, async ({ principal }) => ok(await listClusters(principal)));
