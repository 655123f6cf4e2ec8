import * as endpoints from '@/server/api/endpoints/brokers';
import { CLUSTER_DEFAULT, alterBrokerConfigs, getClusterDefaultConfigs } from '@/server/brokers/alter-broker-configs';
import { getBrokerConfigs } from '@/server/brokers/get-broker';
import { route } from '@/server/http/route';

/** `brokerId` may be `default`: the cluster-wide dynamic defaults (only the keys set at that level). */
export const GET = route(endpoints.getBrokerConfigs, async ({ params }) =>
  params.brokerId === CLUSTER_DEFAULT ? getClusterDefaultConfigs(params.clusterId) : getBrokerConfigs(params.clusterId, params.brokerId),
);

/** Dynamic configs only, one key at a time as given (IncrementalAlterConfigs), on one broker or on `default`. */
export const PATCH = route(endpoints.alterBrokerConfigs, async ({ params, body }) =>
  alterBrokerConfigs(params.clusterId, params.brokerId, body),
);
