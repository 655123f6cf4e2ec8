import { ApiError } from '@/lib/errors';
import { confirmationErrors, offsetResetRequestSchema } from '@/lib/schemas/offset-reset';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { resetGroupOffsets } from '@/server/lag/reset-offsets';

type Params = { clusterId: string; groupId: string };

export const POST = route<Params>(
  { name: 'consumer-groups.offsets.reset', permission: 'resetOffsets', target: (params) => String(params.groupId) },
  async ({ params, body }) => {
    const { confirm, ...input } = offsetResetRequestSchema.parse(body);
    const fieldErrors = confirmationErrors(confirm, params.groupId);
    if (fieldErrors) throw new ApiError('VALIDATION', 'The confirmation does not match the group id', { fieldErrors });
    return ok(await resetGroupOffsets(params.clusterId, params.groupId, input));
  },
);
