import 'server-only';
import kafkajs from 'kafkajs';
import type { ConfigEntry } from '@/lib/schemas/configs';
import { onBrokers } from '@/server/kafka/broker-wave';
import { toConfigEntries } from '@/server/kafka/config-entries';
import type { KafkaConnection } from '@/server/kafka/connection';
import { kafkaError } from '@/server/kafka/send-request';

const { ConfigResourceTypes } = kafkajs;

export type BrokerConfigsResult = { configs: ConfigEntry[] } | { configs: null; error: string };

/**
 * Every config of one broker with its source. Sent to that broker itself, as Kafka's admin client does: only
 * it knows its static (server.properties) values. A broker that cannot be reached is an `error`, never a throw,
 * so the rest of its page still answers; Kafka refusing (authorization) throws its API error.
 */
export async function readBrokerConfigs(connection: KafkaConnection, brokerId: number): Promise<BrokerConfigsResult> {
  const [outcome] = await onBrokers(connection, [brokerId], (broker) =>
    broker.describeConfigs({ resources: [{ type: ConfigResourceTypes.BROKER, name: String(brokerId) }], includeSynonyms: false }),
  );
  if (!outcome || !outcome.ok) return { configs: null, error: outcome?.error ?? `broker ${brokerId} did not answer` };
  const [resource] = outcome.value.resources;
  const error = resource ? kafkaError(resource.errorCode, resource.errorMessage) : null;
  if (error) throw error;
  return { configs: toConfigEntries(resource?.configEntries ?? [], 'broker') };
}
