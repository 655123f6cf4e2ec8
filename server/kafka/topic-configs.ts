import 'server-only';
import kafkajs from 'kafkajs';
import type { KafkajsConfigResource } from 'kafkajs/src/broker/index.js';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { kafkaError } from '@/server/kafka/send-request';

// kafkajs is CommonJS and Node's ESM loader cannot see this export by name (Next and Vitest can): take it
// from the default export so plain-Node scripts (bench, sampler) import server code as is.
const { ConfigResourceTypes } = kafkajs;

/**
 * DescribeConfigs for topics, straight to any broker (topic configs are served by every broker). Not through
 * kafkajs's admin.describeConfigs: it refreshes the metadata of every topic before each call.
 */
export async function describeTopicConfigs(
  connection: KafkaConnection,
  topics: readonly string[],
  configNames?: readonly string[],
): Promise<KafkajsConfigResource[]> {
  if (topics.length === 0) return [];
  const resources = topics.map((name) => ({
    type: ConfigResourceTypes.TOPIC,
    name,
    ...(configNames ? { configNames: [...configNames] } : {}),
  }));
  const response = await onAnyBroker(connection, (broker) => broker.describeConfigs({ resources, includeSynonyms: false }));
  return response.resources;
}

/** Every config entry of one topic; Kafka's error for it (unknown topic, not authorized) is thrown, typed. */
export async function describeOneTopicConfigs(connection: KafkaConnection, topic: string): Promise<KafkajsConfigResource['configEntries']> {
  const [resource] = await describeTopicConfigs(connection, [topic]);
  const error = resource ? kafkaError(resource.errorCode, resource.errorMessage) : null;
  if (error) throw error;
  return resource?.configEntries ?? [];
}

/**
 * Effective values of a few topic configs (an unset key answers the broker default) for many topics in one
 * request. Topics deleted meanwhile answer an error for themselves only and are left out.
 */
export async function readTopicConfigValues(
  connection: KafkaConnection,
  topics: readonly string[],
  configNames: readonly string[],
): Promise<Map<string, Map<string, string | null>>> {
  const values = new Map<string, Map<string, string | null>>();
  for (const resource of await describeTopicConfigs(connection, topics, configNames)) {
    if (resource.errorCode !== 0) continue;
    values.set(resource.resourceName, new Map(resource.configEntries.map((e) => [e.configName, e.configValue])));
  }
  return values;
}
