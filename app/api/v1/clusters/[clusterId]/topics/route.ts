import { topicListQuerySchema } from '@/lib/schemas/topics';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { listTopics } from '@/server/topics/list-topics';

export const GET = route<{ clusterId: string }>({ name: 'topics.list', permission: 'read' }, async ({ params, url }) =>
  ok(await listTopics(params.clusterId, topicListQuerySchema.parse(Object.fromEntries(url.searchParams)))),
);
