import { detailQuerySchema } from '@/lib/schemas/configs';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { getTopic } from '@/server/topics/get-topic';

export const GET = route<{ clusterId: string; topic: string }>({ name: 'topics.get', permission: 'read' }, async ({ params, url }) => {
  const query = detailQuerySchema.parse(Object.fromEntries(url.searchParams));
  return ok(await getTopic(params.clusterId, params.topic, { configs: query.configs !== 'false' }));
});
