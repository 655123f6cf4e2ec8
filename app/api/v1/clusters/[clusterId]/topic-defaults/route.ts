import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { getTopicDefaults } from '@/server/topics/topic-defaults';

/** What a new topic gets for what the create form leaves alone: the cluster's own defaults. */
export const GET = route<{ clusterId: string }>({ name: 'topics.defaults', permission: 'read' }, async ({ params }) =>
  ok(await getTopicDefaults(params.clusterId)),
);
