import { ApiError } from '@/lib/errors';
import { confirmationErrors, deleteConfirmSchema } from '@/lib/schemas/offset-reset';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { deleteConsumerGroup } from '@/server/lag/delete-group';
import { getConsumerGroup } from '@/server/lag/get-group';

export const GET = route<{ clusterId: string; groupId: string }>({ name: 'consumer-groups.get', permission: 'read' }, async ({ params }) =>
  ok(await getConsumerGroup(params.clusterId, params.groupId)),
);

/** As kafka-consumer-groups --delete; admin only ("delete groups/offsets" is the reassign row of the roles table). */
export const DELETE = route<{ clusterId: string; groupId: string }>(
  { name: 'consumer-groups.delete', permission: 'manageGroups', target: (params) => String(params.groupId) },
  async ({ params, body }) => {
    const fieldErrors = confirmationErrors(deleteConfirmSchema.parse(body).confirm, params.groupId);
    if (fieldErrors) throw new ApiError('VALIDATION', 'The confirmation does not match the group id', { fieldErrors });
    return ok(await deleteConsumerGroup(params.clusterId, params.groupId));
  },
);
