import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { route } from '@/server/http/route';
import { groupOffsetsCsv } from '@/server/lag/group-csv';

export const GET = route(endpoints.exportConsumerGroup, async ({ params }) => groupOffsetsCsv(params.clusterId, params.groupId));
