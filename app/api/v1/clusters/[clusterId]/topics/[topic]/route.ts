import { topicConfirmationErrors } from '@/lib/schemas/topic-admin';
import * as endpoints from '@/server/api/endpoints/topics';
import { requireConfirmation } from '@/server/http/confirmation';
import { route } from '@/server/http/route';
import { deleteTopic } from '@/server/topics/delete-topic';
import { getTopic } from '@/server/topics/get-topic';

export const GET = route(endpoints.getTopic, async ({ params, query }) =>
  getTopic(params.clusterId, params.topic, { configs: query.configs !== 'false' }),
);

export const DELETE = route(endpoints.deleteTopic, async ({ params, body }) => {
  requireConfirmation(topicConfirmationErrors(body.confirm, params.topic), 'topic name');
  return deleteTopic(params.clusterId, params.topic);
});
