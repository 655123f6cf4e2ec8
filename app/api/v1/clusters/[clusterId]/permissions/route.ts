import * as endpoints from '@/server/api/endpoints/clusters';
import { clusterPermissions } from '@/server/auth/cluster-permissions';
import { route } from '@/server/http/route';

export const GET = route(endpoints.clusterPermissions, async ({ params, principal }) => clusterPermissions(principal, params.clusterId));
