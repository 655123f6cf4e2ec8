import * as endpoints from '@/server/api/endpoints/topics';
import { route } from '@/server/http/route';
import { createTopic } from '@/server/topics/create-topic';
import { listTopics } from '@/server/topics/list-topics';

export const GET = route(endpoints.listTopics, async ({ params, query }) => listTopics(params.clusterId, query));

export const POST = route(endpoints.createTopic, async ({ params, body }) => createTopic(params.clusterId, body));
