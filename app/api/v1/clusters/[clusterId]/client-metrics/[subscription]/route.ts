import * as endpoints from '@/server/api/endpoints/client-metrics';
import { deleteClientMetrics, updateClientMetrics } from '@/server/client-metrics/change-subscriptions';
import { route } from '@/server/http/route';

/** Replaces the whole subscription: metrics, interval and match as given. */
export const PUT = route(endpoints.updateClientMetrics, async ({ params, body }) =>
  updateClientMetrics(params.clusterId, params.subscription, body),
);

export const DELETE = route(endpoints.deleteClientMetrics, async ({ params, body }) =>
  deleteClientMetrics(params.clusterId, params.subscription, body.confirm),
);
