import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { listTopicGroups } from '@/server/lag/topic-groups';

export const GET = route<{ clusterId: string; topic: string }>(
  { name: 'topics.consumer-groups.list', permission: 'read' },
  async ({ params }) => ok(await listTopicGroups(params.clusterId, params.topic)),
);
