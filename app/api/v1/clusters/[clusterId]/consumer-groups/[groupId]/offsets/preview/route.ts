import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { route } from '@/server/http/route';
import { previewOffsetReset } from '@/server/lag/reset-offsets';

// A POST (the body is a plan), changes nothing; refused like the reset itself (role, read-only cluster, live group).
export const POST = route(endpoints.previewOffsetReset, async ({ params, body }) =>
  previewOffsetReset(params.clusterId, params.groupId, body),
);
