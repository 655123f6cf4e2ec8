import { getBrokerConfigs } from '@/server/brokers/get-broker';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

export const GET = route<{ clusterId: string; brokerId: string }>({ name: 'brokers.configs.get', permission: 'read' }, async ({ params }) =>
  ok(await getBrokerConfigs(params.clusterId, params.brokerId)),
);
