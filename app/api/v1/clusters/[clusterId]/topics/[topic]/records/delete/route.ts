import { topicConfirmationErrors } from '@/lib/schemas/topic-admin';
import * as endpoints from '@/server/api/endpoints/topics';
import { requireConfirmation } from '@/server/http/confirmation';
import { route } from '@/server/http/route';
import { deleteTopicRecords } from '@/server/topics/delete-records';

export const POST = route(endpoints.deleteRecords, async ({ params, body }) => {
  requireConfirmation(topicConfirmationErrors(body.confirm, params.topic), 'topic name');
  return deleteTopicRecords(params.clusterId, params.topic, body);
});
