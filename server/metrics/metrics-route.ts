import 'server-only';
import { ApiError } from '@/lib/errors';
import { metricsRangeQuerySchema, type MetricScope } from '@/lib/schemas/metrics';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { getMetrics } from '@/server/metrics/get-metrics';

type Params = { clusterId: string; topic?: string; brokerId?: string; groupId?: string };

/** The GET handler of `/api/v1/clusters/{clusterId}/metrics/{scope}`; `keyParam` names the path segment with the key. */
export function metricsRoute(scope: MetricScope, keyParam?: 'topic' | 'brokerId' | 'groupId') {
  return route<Params>({ name: `metrics.${scope}`, permission: 'read' }, async ({ params, url }) => {
    const key = keyParam ? (params[keyParam] ?? '') : '';
    if (scope === 'broker' && !/^\d{1,9}$/.test(key))
      throw new ApiError('VALIDATION', 'brokerId must be a broker id', { fieldErrors: { brokerId: ['a non-negative integer'] } });
    return ok(await getMetrics(params.clusterId, scope, key, metricsRangeQuerySchema.parse(Object.fromEntries(url.searchParams))));
  });
}
