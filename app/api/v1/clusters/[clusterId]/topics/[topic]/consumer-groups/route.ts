import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { route } from '@/server/http/route';
import { listTopicGroups } from '@/server/lag/topic-groups';

export const GET = route(endpoints.listTopicGroups, async ({ params }) => listTopicGroups(params.clusterId, params.topic));
