import type { Endpoint } from '@/server/api/endpoint';
import * as alerts from '@/server/api/endpoints/alerts';
import * as audit from '@/server/api/endpoints/audit';
import * as brokers from '@/server/api/endpoints/brokers';
import * as clientMetrics from '@/server/api/endpoints/client-metrics';
import * as clusters from '@/server/api/endpoints/clusters';
import * as consoleEndpoints from '@/server/api/endpoints/console';
import * as consumerGroups from '@/server/api/endpoints/consumer-groups';
import * as messages from '@/server/api/endpoints/messages';
import * as metrics from '@/server/api/endpoints/metrics';
import * as quorum from '@/server/api/endpoints/quorum';
import * as reassignments from '@/server/api/endpoints/reassignments';
import * as topics from '@/server/api/endpoints/topics';

const { unknownApi: _unknownApi, ...documented } = consoleEndpoints;

/**
 * Every operation of the API: the OpenAPI document is generated from it, and a test holds it equal to the route files
 * (each exported handler is bound to one of these, at the path where its file sits). The catch-all that answers
 * unknown API paths is not an operation.
 */
export const ROUTE_TABLE: readonly Endpoint[] = [
  documented,
  clusters,
  brokers,
  topics,
  messages,
  consumerGroups,
  clientMetrics,
  reassignments,
  quorum,
  metrics,
  alerts,
  audit,
].flatMap((group) => Object.values(group));
