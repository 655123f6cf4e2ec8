import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { confirmationErrors } from '@/lib/schemas/offset-reset';
import { requireConfirmation } from '@/server/http/confirmation';
import { route } from '@/server/http/route';
import { deleteGroupOffsets } from '@/server/lag/delete-group';

/** The group's committed offsets for one topic (?topic=T), as kafka-consumer-groups --delete-offsets; admin only. */
export const DELETE = route(endpoints.deleteGroupOffsets, async ({ params, query, body }) => {
  requireConfirmation(confirmationErrors(body.confirm, params.groupId), 'group id');
  return deleteGroupOffsets(params.clusterId, params.groupId, query.topic);
});
