import { ApiError } from '@/lib/errors';
import { confirmationErrors, deleteConfirmSchema, deleteGroupOffsetsQuerySchema } from '@/lib/schemas/offset-reset';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { deleteGroupOffsets } from '@/server/lag/delete-group';

type Params = { clusterId: string; groupId: string };

/** The group's committed offsets for one topic (?topic=T), as kafka-consumer-groups --delete-offsets; admin only. */
export const DELETE = route<Params>(
  { name: 'consumer-groups.offsets.delete', permission: 'manageGroups', target: (params) => String(params.groupId) },
  async ({ params, body, url }) => {
    const { topic } = deleteGroupOffsetsQuerySchema.parse(Object.fromEntries(url.searchParams));
    const fieldErrors = confirmationErrors(deleteConfirmSchema.parse(body).confirm, params.groupId);
    if (fieldErrors) throw new ApiError('VALIDATION', 'The confirmation does not match the group id', { fieldErrors });
    return ok(await deleteGroupOffsets(params.clusterId, params.groupId, topic));
  },
);
