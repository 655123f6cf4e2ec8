import 'server-only';
import { ConfigResourceTypes } from '@/server/kafka/kafkajs';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { ApiError, type FieldErrors } from '@/lib/errors';
import { isConsoleEditableBrokerConfig } from '@/lib/schemas/broker-config-catalog';
import { brokerIdFromSegment } from '@/lib/schemas/brokers';
import type { ConfigEntry, ConfigListResponse } from '@/lib/schemas/configs';
import type { ConfigPatchInput } from '@/lib/schemas/topic-admin';
import { getBroker } from '@/server/brokers/get-broker';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka, withKafkaForwarded } from '@/server/kafka/clients';
import { toConfigEntries } from '@/server/kafka/config-entries';
import { applyConfigPatch, showsPatch } from '@/server/kafka/config-patch';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { CONFIG_RESOURCE_TYPES } from '@/server/protocol/incremental-alter-configs';
import { kafkaError } from '@/server/kafka/send-request';
import { untilPropagated } from '@/server/topics/propagation';

const WRITE_DEADLINE_MS = 15_000;
/** The cluster-wide dynamic default is the BROKER resource with an empty name. */
export const CLUSTER_DEFAULT = 'default';

type Target = { resourceName: string; brokerId: number | null };

async function describeBroker(broker: KafkajsBroker, resourceName: string): Promise<ConfigEntry[]> {
  const { resources } = await broker.describeConfigs({
    resources: [{ type: ConfigResourceTypes.BROKER, name: resourceName }],
    includeSynonyms: false,
  });
  const [resource] = resources;
  const error = resource ? kafkaError(resource.errorCode, resource.errorMessage) : null;
  if (error) throw error;
  return toConfigEntries(resource?.configEntries ?? [], 'broker');
}

/** A broker's own DescribeConfigs is sent to it (only it knows its static values); the default to any broker. */
async function onTarget<T>(connection: KafkaConnection, target: Target, work: (broker: KafkajsBroker) => Promise<T>): Promise<T> {
  if (target.brokerId === null) return onAnyBroker(connection, work);
  const [outcome] = await onBrokers(connection, [target.brokerId], work);
  if (!outcome?.ok) throw new ApiError('KAFKA_UNAVAILABLE', outcome?.error ?? `Broker ${target.brokerId} did not answer`);
  return outcome.value;
}

/**
 * Refused before Kafka is asked, on the field they are about: keys Kafka reads from server.properties at start-up
 * only, and dynamic keys outside the console's list (listeners, JAAS configs, keystore passwords…), which stay with
 * kafka-configs and whoever holds the brokers' credentials.
 */
function checkChangeable(patch: ConfigPatchInput, entries: readonly ConfigEntry[]) {
  const readOnly = new Set(entries.filter((e) => e.isReadOnly).map((e) => e.name));
  const fieldErrors: FieldErrors = {};
  const why = (key: string) =>
    readOnly.has(key)
      ? 'Read-only: Kafka reads it from server.properties at start-up only'
      : isConsoleEditableBrokerConfig(key)
        ? null
        : 'Not changed from the console: use kafka-configs --bootstrap-server … --entity-type brokers --alter (README: broker configs)';
  for (const key of Object.keys(patch.set ?? {})) {
    const message = why(key);
    if (message) fieldErrors[`set.${key}`] = [message];
  }
  for (const key of patch.delete ?? []) {
    const message = why(key);
    if (message) (fieldErrors.delete ??= []).push(`${key}: ${message}`);
  }
  if (Object.keys(fieldErrors).length > 0)
    throw new ApiError('VALIDATION', 'Only the broker configs the console lists can be changed here', { fieldErrors });
}

async function resolveTarget(clusterId: string, segment: string): Promise<Target> {
  if (segment === CLUSTER_DEFAULT) return { resourceName: '', brokerId: null };
  if (brokerIdFromSegment(segment) === null) throw new ApiError('NOT_FOUND', `"${segment}" is not a broker id`);
  const { broker } = await getBroker(clusterId, segment, { configs: false });
  if (broker.status !== 'up')
    throw new ApiError('KAFKA_UNAVAILABLE', `Broker ${broker.id} is down: its configs can only be changed on the broker itself`);
  return { resourceName: String(broker.id), brokerId: broker.id };
}

/**
 * Changes only the given dynamic configs of one broker, or of every broker at once (`default`, the cluster-wide
 * dynamic default), with IncrementalAlterConfigs as kafka-configs --entity-type brokers --alter does. Answers the
 * resource's configs once they show the change.
 */
export async function alterBrokerConfigs(clusterId: string, segment: string, patch: ConfigPatchInput): Promise<ConfigListResponse> {
  const target = await resolveTarget(clusterId, segment);
  return withKafkaForwarded(
    clusterId,
    async (connection) => {
      // The default resource lists only what is set at that level: which keys are read-only comes from a broker's own view.
      const brokerView = await onTarget(connection, target, (broker) =>
        describeBroker(broker, target.resourceName || String(broker.nodeId)),
      );
      checkChangeable(patch, brokerView);
      const resource = { resourceType: CONFIG_RESOURCE_TYPES.BROKER, resourceName: target.resourceName };
      await onTarget(connection, target, (broker) => applyConfigPatch(broker, resource, patch));
      const own = (e: ConfigEntry) => e.source === (target.brokerId === null ? 'dynamic-default-broker' : 'dynamic-broker');
      let configs: ConfigEntry[] | undefined;
      await untilPropagated(async () =>
        showsPatch((configs = await onTarget(connection, target, (b) => describeBroker(b, target.resourceName))), patch, own),
      );
      return { asOf: Date.now(), configs: configs ?? (await onTarget(connection, target, (b) => describeBroker(b, target.resourceName))) };
    },
    { deadlineMs: WRITE_DEADLINE_MS },
  );
}

/** The cluster-wide dynamic defaults (`GET …/brokers/default/configs`): only the keys set at that level. */
export async function getClusterDefaultConfigs(clusterId: string): Promise<ConfigListResponse> {
  const configs = await withKafka(clusterId, (connection) => onAnyBroker(connection, (broker) => describeBroker(broker, '')));
  return { asOf: Date.now(), configs };
}
