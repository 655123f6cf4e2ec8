import { listBrokers } from '@/server/brokers/list-brokers';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

export const GET = route<{ clusterId: string }>({ name: 'brokers.list', permission: 'read' }, async ({ params }) =>
  ok(await listBrokers(params.clusterId)),
);
