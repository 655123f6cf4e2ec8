import * as endpoints from '@/server/api/endpoints/clusters';
import { listClusters } from '@/server/clusters/list-clusters';
import { route } from '@/server/http/route';

export const GET = route(endpoints.listClusters, async ({ principal }) => listClusters(principal));
