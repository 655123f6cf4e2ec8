import * as endpoints from '@/server/api/endpoints/reassignments';
import { route } from '@/server/http/route';
import { electPreferredLeaders } from '@/server/reassign/leader-election';

/** Preferred leader election for topics, brokers (as preferred leaders), partitions, or the whole cluster. */
export const POST = route(endpoints.electLeaders, async ({ params, body }) => electPreferredLeaders(params.clusterId, body));
