import { createTopicInputSchema } from '@/lib/schemas/topic-admin';
import { topicListQuerySchema } from '@/lib/schemas/topics';
import { created, ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { createTopic } from '@/server/topics/create-topic';
import { listTopics } from '@/server/topics/list-topics';

export const GET = route<{ clusterId: string }>({ name: 'topics.list', permission: 'read' }, async ({ params, url }) =>
  ok(await listTopics(params.clusterId, topicListQuerySchema.parse(Object.fromEntries(url.searchParams)))),
);

/** As kafka-topics --create, after the console's checks and a validateOnly dry run; 201 with the topic's detail. */
export const POST = route<{ clusterId: string }>(
  { name: 'topics.create', permission: 'manageTopics', target: (params) => String(params.clusterId) },
  async ({ params, body }) => created(await createTopic(params.clusterId, createTopicInputSchema.parse(body))),
);
