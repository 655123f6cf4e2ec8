import { ApiError } from '@/lib/errors';
import { detailQuerySchema } from '@/lib/schemas/configs';
import { deleteTopicInputSchema, topicConfirmationErrors } from '@/lib/schemas/topic-admin';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { deleteTopic } from '@/server/topics/delete-topic';
import { getTopic } from '@/server/topics/get-topic';

export const GET = route<{ clusterId: string; topic: string }>({ name: 'topics.get', permission: 'read' }, async ({ params, url }) => {
  const query = detailQuerySchema.parse(Object.fromEntries(url.searchParams));
  return ok(await getTopic(params.clusterId, params.topic, { configs: query.configs !== 'false' }));
});

/** As kafka-topics --delete, with the topic name typed again as confirmation (checked here, not only in the page). */
export const DELETE = route<{ clusterId: string; topic: string }>(
  { name: 'topics.delete', permission: 'manageTopics', target: (params) => String(params.topic) },
  async ({ params, body }) => {
    const fieldErrors = topicConfirmationErrors(deleteTopicInputSchema.parse(body).confirm, params.topic);
    if (fieldErrors) throw new ApiError('VALIDATION', 'The confirmation does not match the topic name', { fieldErrors });
    return ok(await deleteTopic(params.clusterId, params.topic));
  },
);
