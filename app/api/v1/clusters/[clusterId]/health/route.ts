import * as endpoints from '@/server/api/endpoints/clusters';
import { getClusterHealth } from '@/server/cluster-state/cluster-health';
import { route } from '@/server/http/route';

export const GET = route(endpoints.clusterHealth, async ({ params }) => getClusterHealth(params.clusterId));
