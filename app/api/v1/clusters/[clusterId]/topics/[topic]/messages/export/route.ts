import * as endpoints from '@/server/api/endpoints/messages';
import { route } from '@/server/http/route';
import { exportMessages } from '@/server/messages/export-messages';

export const GET = route(endpoints.exportMessages, async ({ params, query, request, principal }) =>
  exportMessages(params.clusterId, params.topic, query, principal, request.signal),
);
