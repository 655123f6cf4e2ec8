import { offsetResetInputSchema } from '@/lib/schemas/offset-reset';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { previewOffsetReset } from '@/server/lag/reset-offsets';

type Params = { clusterId: string; groupId: string };

// A POST (the body is a plan), changes nothing; refused like the reset itself (role, read-only cluster, live group).
export const POST = route<Params>(
  { name: 'consumer-groups.offsets.preview', permission: 'resetOffsets', target: (params) => String(params.groupId) },
  async ({ params, body }) => ok(await previewOffsetReset(params.clusterId, params.groupId, offsetResetInputSchema.parse(body))),
);
