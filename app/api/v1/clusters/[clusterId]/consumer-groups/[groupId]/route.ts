import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { getConsumerGroup } from '@/server/lag/get-group';

export const GET = route<{ clusterId: string; groupId: string }>({ name: 'consumer-groups.get', permission: 'read' }, async ({ params }) =>
  ok(await getConsumerGroup(params.clusterId, params.groupId)),
);
