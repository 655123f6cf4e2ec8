import { ApiError } from '@/lib/errors';
import { deleteRecordsInputSchema, topicConfirmationErrors } from '@/lib/schemas/topic-admin';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { deleteTopicRecords } from '@/server/topics/delete-records';

/** As kafka-delete-records: each chosen partition's records before `offset` are gone; the topic name confirms. */
export const POST = route<{ clusterId: string; topic: string }>(
  { name: 'topics.records.delete', permission: 'manageTopics', target: (params) => String(params.topic) },
  async ({ params, body }) => {
    const { confirm, ...input } = deleteRecordsInputSchema.parse(body);
    const fieldErrors = topicConfirmationErrors(confirm, params.topic);
    if (fieldErrors) throw new ApiError('VALIDATION', 'The confirmation does not match the topic name', { fieldErrors });
    return ok(await deleteTopicRecords(params.clusterId, params.topic, { ...input, confirm }));
  },
);
