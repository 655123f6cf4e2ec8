import * as endpoints from '@/server/api/endpoints/consumer-groups';
import { route } from '@/server/http/route';
import { listConsumerGroups } from '@/server/lag/list-groups';

export const GET = route(endpoints.listConsumerGroups, async ({ params, query }) => listConsumerGroups(params.clusterId, query));
