import 'server-only';
import { ConfigResourceTypes } from 'kafkajs';
import type { KafkaConnection } from '@/server/kafka/connection';

/**
 * Effective values of a few topic configs (an unset key answers the broker default) for many topics in one
 * DescribeConfigs request. Topics deleted meanwhile are dropped from the answer, not fatal.
 */
export async function readTopicConfigValues(
  connection: KafkaConnection,
  topics: readonly string[],
  configNames: readonly string[],
): Promise<Map<string, Map<string, string | null>>> {
  const values = new Map<string, Map<string, string | null>>();
  if (topics.length === 0) return values;
  const { resources } = await connection.admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: [...configNames] })),
  });
  for (const resource of resources) {
    if (resource.errorCode !== 0) continue;
    values.set(resource.resourceName, new Map(resource.configEntries.map((e) => [e.configName, e.configValue])));
  }
  return values;
}
