import 'server-only';
import { ApiError } from '@/lib/errors';
import {
  clientMetricsConfirmationErrors,
  type ClientMetricsConfigInput,
  type ClientMetricsSubscription,
  type CreateClientMetricsInput,
} from '@/lib/schemas/client-metrics';
import type { ConfigPatchInput } from '@/lib/schemas/topic-admin';
import { CLIENT_METRICS_REQUIRE, readSubscriptions } from '@/server/client-metrics/read-subscriptions';
import { CLIENT_METRICS_KEYS, inputFieldErrors, showsInput, subscriptionPatch } from '@/server/client-metrics/subscription-configs';
import { requireConfirmation } from '@/server/http/confirmation';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { applyConfigPatch } from '@/server/kafka/config-patch';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { CONFIG_RESOURCE_TYPES } from '@/server/protocol/incremental-alter-configs';
import { untilPropagated } from '@/server/topics/propagation';
import { TOPIC_WRITE_DEADLINE_MS } from '@/server/topics/topic-guard';

/** The current subscriptions; 409 where the cluster has no client metrics (a write cannot mean anything there). */
async function currentSubscriptions(connection: KafkaConnection): Promise<ClientMetricsSubscription[]> {
  const subscriptions = await readSubscriptions(connection);
  if (!subscriptions) throw new ApiError('CONFLICT', `Client metrics subscriptions need ${CLIENT_METRICS_REQUIRE}`);
  return subscriptions;
}

/** One IncrementalAlterConfigs on the subscription's resource (the broker forwards it to the controller). */
async function alterSubscription(connection: KafkaConnection, name: string, patch: ConfigPatchInput) {
  try {
    await onAnyBroker(connection, (broker) =>
      applyConfigPatch(broker, { resourceType: CONFIG_RESOURCE_TYPES.CLIENT_METRICS, resourceName: name }, patch),
    );
  } catch (error) {
    // Kafka's refusal of a value, placed on the API's field (intervalMs, match, …) instead of the config key.
    if (error instanceof ApiError && error.code === 'VALIDATION' && error.fieldErrors) {
      throw new ApiError('VALIDATION', error.message, { fieldErrors: inputFieldErrors(error.fieldErrors), cause: error });
    }
    throw error;
  }
}

/**
 * Sets the subscription's config and answers it once a broker describes the change: Kafka answers the write when
 * the controller has it, and each broker's metadata cache learns of it a moment later.
 */
async function writeSubscription(connection: KafkaConnection, name: string, input: ClientMetricsConfigInput, replacing: boolean) {
  await alterSubscription(connection, name, subscriptionPatch(input, { replacing }));
  let described: ClientMetricsSubscription | undefined;
  await untilPropagated(async () => {
    described = (await readSubscriptions(connection))?.find((s) => s.name === name);
    return described !== undefined && showsInput(described, input);
  });
  return described ?? { name, ...input };
}

const withWriteConnection = <T>(clusterId: string, work: (connection: KafkaConnection) => Promise<T>) =>
  withKafkaForwarded(clusterId, work, { deadlineMs: TOPIC_WRITE_DEADLINE_MS });

/** A new subscription (kafka-client-metrics --alter on a new name); 409 when the name is taken. */
export function createClientMetrics(clusterId: string, input: CreateClientMetricsInput): Promise<ClientMetricsSubscription> {
  return withWriteConnection(clusterId, async (connection) => {
    if ((await currentSubscriptions(connection)).some((s) => s.name === input.name)) {
      throw new ApiError('CONFLICT', `A client metrics subscription named "${input.name}" already exists`);
    }
    const { name, ...config } = input;
    return writeSubscription(connection, name, config, false);
  });
}

/** Replaces an existing subscription's whole config: what the input leaves empty goes back to Kafka's default. */
export function updateClientMetrics(clusterId: string, name: string, input: ClientMetricsConfigInput): Promise<ClientMetricsSubscription> {
  return withWriteConnection(clusterId, async (connection) => {
    if (!(await currentSubscriptions(connection)).some((s) => s.name === name)) throw notFound(name);
    return writeSubscription(connection, name, input, true);
  });
}

/**
 * Deletes every key of the subscription (as kafka-client-metrics --delete): a resource without configs no longer
 * exists. `confirm` must equal the name. Answers once a broker no longer lists it.
 */
export function deleteClientMetrics(clusterId: string, name: string, confirm: string): Promise<{ deleted: string }> {
  requireConfirmation(clientMetricsConfirmationErrors(confirm, name), 'subscription name');
  return withWriteConnection(clusterId, async (connection) => {
    const existing = (await currentSubscriptions(connection)).find((s) => s.name === name);
    if (!existing) throw notFound(name);
    await alterSubscription(connection, name, { delete: Object.values(CLIENT_METRICS_KEYS) });
    await untilPropagated(async () => !(await readSubscriptions(connection))?.some((s) => s.name === name));
    return { deleted: name };
  });
}

const notFound = (name: string) => new ApiError('NOT_FOUND', `No client metrics subscription is named "${name}"`);
