import * as endpoints from '@/server/api/endpoints/brokers';
import { listBrokers } from '@/server/brokers/list-brokers';
import { route } from '@/server/http/route';

export const GET = route(endpoints.listBrokers, async ({ params }) => listBrokers(params.clusterId));
