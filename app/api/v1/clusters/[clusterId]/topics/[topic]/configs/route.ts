import { configPatchInputSchema } from '@/lib/schemas/topic-admin';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { alterTopicConfigs } from '@/server/topics/alter-topic-configs';
import { getTopicConfigs } from '@/server/topics/get-topic';

export const GET = route<{ clusterId: string; topic: string }>({ name: 'topics.configs.get', permission: 'read' }, async ({ params }) =>
  ok(await getTopicConfigs(params.clusterId, params.topic)),
);

/** Only the keys given change (IncrementalAlterConfigs); `delete` returns keys to their inherited value. */
export const PATCH = route<{ clusterId: string; topic: string }>(
  { name: 'topics.configs.alter', permission: 'manageTopics', target: (params) => String(params.topic) },
  async ({ params, body }) => ok(await alterTopicConfigs(params.clusterId, params.topic, configPatchInputSchema.parse(body))),
);
