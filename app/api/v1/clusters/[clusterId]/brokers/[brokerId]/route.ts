import * as endpoints from '@/server/api/endpoints/brokers';
import { getBroker } from '@/server/brokers/get-broker';
import { route } from '@/server/http/route';

export const GET = route(endpoints.getBroker, async ({ params, query }) =>
  getBroker(params.clusterId, params.brokerId, { configs: query.configs !== 'false' }),
);
