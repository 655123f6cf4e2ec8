import * as endpoints from '@/server/api/endpoints/topics';
import { route } from '@/server/http/route';
import { addPartitions } from '@/server/topics/add-partitions';

export const POST = route(endpoints.addPartitions, async ({ params, body }) => addPartitions(params.clusterId, params.topic, body));
