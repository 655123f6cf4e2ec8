import * as endpoints from '@/server/api/endpoints/clusters';
import { getClusterOverview } from '@/server/cluster-state/cluster-overview';
import { route } from '@/server/http/route';

export const GET = route(endpoints.clusterOverview, async ({ params }) => getClusterOverview(params.clusterId));
