import { detailQuerySchema } from '@/lib/schemas/configs';
import { getBroker } from '@/server/brokers/get-broker';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

export const GET = route<{ clusterId: string; brokerId: string }>({ name: 'brokers.get', permission: 'read' }, async ({ params, url }) => {
  const query = detailQuerySchema.parse(Object.fromEntries(url.searchParams));
  return ok(await getBroker(params.clusterId, params.brokerId, { configs: query.configs !== 'false' }));
});
