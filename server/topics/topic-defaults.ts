import 'server-only';
import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from '@/server/kafka/kafkajs';
import { ApiError } from '@/lib/errors';
import type { TopicDefaultsResponse } from '@/lib/schemas/topic-admin';
import { withKafka } from '@/server/kafka/clients';
import { onControllerWithRetry } from '@/server/kafka/controller';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { createTopics } from '@/server/protocol/create-topics';
import { kafkaError } from '@/server/kafka/send-request';

/**
 * What a topic created without explicit values gets, as Kafka itself resolves it: partitions and replication factor
 * from a live broker's num.partitions / default.replication.factor, and every topic config from a validateOnly
 * CreateTopics (v5+ answers the configs the topic would be created with; nothing is created).
 */
export async function getTopicDefaults(clusterId: string): Promise<TopicDefaultsResponse> {
  return withKafka(clusterId, async (connection) => {
    const metadata = await readClusterMetadata(connection);
    const probe = `console-defaults-probe-${randomUUID()}`;
    const [dryRun] = await onControllerWithRetry(connection, (broker) =>
      createTopics(broker, {
        topics: [{ name: probe, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
        timeoutMs: 5_000,
        validateOnly: true,
      }),
    );
    const refused = dryRun ? kafkaError(dryRun.errorCode, dryRun.errorMessage) : null;
    if (refused) throw refused;
    const brokerId = metadata.brokers[0]?.id;
    if (brokerId === undefined) throw new ApiError('KAFKA_UNAVAILABLE', 'No broker is alive');
    const broker = await connection.cluster.findBroker({ nodeId: brokerId });
    const { resources } = await broker.describeConfigs({
      resources: [
        { type: ConfigResourceTypes.BROKER, name: String(brokerId), configNames: ['num.partitions', 'default.replication.factor'] },
      ],
      includeSynonyms: false,
    });
    // Kafka's own defaults (1) when the broker hides them.
    const value = (name: string) => {
      const n = Number(resources[0]?.configEntries.find((e) => e.configName === name)?.configValue);
      return Number.isInteger(n) && n > 0 ? n : 1;
    };
    const configs = Object.fromEntries((dryRun?.configs ?? []).map((c) => [c.name, c.isSensitive ? null : c.value]));
    return {
      partitions: value('num.partitions'),
      replicationFactor: value('default.replication.factor'),
      liveBrokers: metadata.brokers.length,
      configs,
    };
  });
}
