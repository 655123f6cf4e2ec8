import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { confirmationErrors } from '@/lib/schemas/offset-reset';
import { requireConfirmation } from '@/server/http/confirmation';
import { route } from '@/server/http/route';
import { deleteConsumerGroup } from '@/server/lag/delete-group';
import { getGroupDetail } from '@/server/lag/get-group-detail';

export const GET = route(endpoints.getConsumerGroup, async ({ params }) => getGroupDetail(params.clusterId, params.groupId));

/** As kafka-consumer-groups --delete, with the group id typed again as confirmation. */
export const DELETE = route(endpoints.deleteConsumerGroup, async ({ params, body }) => {
  requireConfirmation(confirmationErrors(body.confirm, params.groupId), 'group id');
  return deleteConsumerGroup(params.clusterId, params.groupId);
});
