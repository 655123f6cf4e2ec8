import 'server-only';
import type { ClientMetricsList, ClientMetricsSubscription } from '@/lib/schemas/client-metrics';
import { withKafka } from '@/server/kafka/clients';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { kafkaError, supportsApi } from '@/server/kafka/send-request';
import { toSubscription } from '@/server/client-metrics/subscription-configs';
import { CONFIG_RESOURCE_TYPES } from '@/server/protocol/incremental-alter-configs';
import { listClientMetricsResources, listConfigResourcesApi } from '@/server/protocol/list-config-resources';

export const CLIENT_METRICS_REQUIRE = 'Kafka 3.7 or later on KRaft (KIP-714 client metrics)';

/**
 * The subscriptions one broker knows, by name; null when it has no client metrics (a ZooKeeper-mode or pre-3.7
 * broker does not advertise ListConfigResources / ListClientMetricsResources, API 74). Two requests whatever the
 * count: the names, then one DescribeConfigs for all of them. A name deleted in between is dropped.
 */
export async function describeSubscriptions(broker: KafkajsBroker): Promise<ClientMetricsSubscription[] | null> {
  if (!supportsApi(broker, listConfigResourcesApi.apiKey)) return null;
  const names = await listClientMetricsResources(broker);
  if (names.length === 0) return [];
  const { resources } = await broker.describeConfigs({
    resources: names.map((name) => ({ type: CONFIG_RESOURCE_TYPES.CLIENT_METRICS, name })),
    includeSynonyms: false,
  });
  const subscriptions = resources.flatMap((resource) => {
    const error = kafkaError(resource.errorCode, resource.errorMessage);
    if (error) throw error;
    // Kafka describes any name, an unknown one with every key at its default (source DEFAULT_CONFIG).
    if (resource.configEntries.every((entry) => entry.isDefault)) return [];
    return [toSubscription(resource.resourceName, resource.configEntries)];
  });
  return subscriptions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The subscriptions as any answering broker has them (its metadata cache); null where the cluster has none. */
export const readSubscriptions = (connection: KafkaConnection) => onAnyBroker(connection, describeSubscriptions);

/** Every subscription, as kafka-client-metrics --describe lists them; `supported: false` where the cluster has none. */
export async function listClientMetrics(clusterId: string): Promise<ClientMetricsList> {
  const subscriptions = await withKafka(clusterId, readSubscriptions);
  return subscriptions ? { supported: true, subscriptions } : { supported: false, requires: CLIENT_METRICS_REQUIRE };
}
