import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { confirmationErrors } from '@/lib/schemas/offset-reset';
import { requireConfirmation } from '@/server/http/confirmation';
import { route } from '@/server/http/route';
import { resetGroupOffsets } from '@/server/lag/reset-offsets';

export const POST = route(endpoints.resetOffsets, async ({ params, body: { confirm, ...input } }) => {
  requireConfirmation(confirmationErrors(confirm, params.groupId), 'group id');
  return resetGroupOffsets(params.clusterId, params.groupId, input);
});
