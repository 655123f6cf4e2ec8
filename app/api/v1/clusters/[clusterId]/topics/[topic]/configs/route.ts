import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { getTopicConfigs } from '@/server/topics/get-topic';

export const GET = route<{ clusterId: string; topic: string }>({ name: 'topics.configs.get', permission: 'read' }, async ({ params }) =>
  ok(await getTopicConfigs(params.clusterId, params.topic)),
);
