import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { route } from '@/server/http/route';
import { alterGroupConfigs, getGroupConfigs } from '@/server/lag/group-configs';

export const GET = route(endpoints.getGroupConfigs, async ({ params }) => getGroupConfigs(params.clusterId, params.groupId));

/** Only the keys given change (IncrementalAlterConfigs); `delete` returns keys to the broker's default. */
export const PATCH = route(endpoints.alterGroupConfigs, async ({ params, body }) =>
  alterGroupConfigs(params.clusterId, params.groupId, body),
);
