import { configPatchInputSchema } from '@/lib/schemas/topic-admin';
import { CLUSTER_DEFAULT, alterBrokerConfigs, getClusterDefaultConfigs } from '@/server/brokers/alter-broker-configs';
import { getBrokerConfigs } from '@/server/brokers/get-broker';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

type Params = { clusterId: string; brokerId: string };

/** `brokerId` may be `default`: the cluster-wide dynamic defaults (only the keys set at that level). */
export const GET = route<Params>({ name: 'brokers.configs.get', permission: 'read' }, async ({ params }) =>
  ok(
    params.brokerId === CLUSTER_DEFAULT
      ? await getClusterDefaultConfigs(params.clusterId)
      : await getBrokerConfigs(params.clusterId, params.brokerId),
  ),
);

/** Dynamic configs only, one key at a time as given (IncrementalAlterConfigs), on one broker or on `default`. */
export const PATCH = route<Params>(
  { name: 'brokers.configs.alter', permission: 'manageTopics', target: (params) => String(params.brokerId) },
  async ({ params, body }) => ok(await alterBrokerConfigs(params.clusterId, params.brokerId, configPatchInputSchema.parse(body))),
);
