import * as endpoints from '@/server/api/endpoints/clusters';
import { readClusterFeatures } from '@/server/features/read-features';
import { route } from '@/server/http/route';

export const GET = route(endpoints.clusterFeatures, async ({ params }) => readClusterFeatures(params.clusterId));
