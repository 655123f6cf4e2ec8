import * as endpoints from '@/server/api/endpoints/topics';
import { route } from '@/server/http/route';
import { getTopicDefaults } from '@/server/topics/topic-defaults';

export const GET = route(endpoints.topicDefaults, async ({ params }) => getTopicDefaults(params.clusterId));
