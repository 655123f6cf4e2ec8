import { consumerGroupListQuerySchema } from '@/lib/schemas/consumer-groups';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { listConsumerGroups } from '@/server/lag/list-groups';

export const GET = route<{ clusterId: string }>({ name: 'consumer-groups.list', permission: 'read' }, async ({ params, url }) =>
  ok(await listConsumerGroups(params.clusterId, consumerGroupListQuerySchema.parse(Object.fromEntries(url.searchParams)))),
);
