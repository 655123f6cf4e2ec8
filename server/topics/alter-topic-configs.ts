import 'server-only';
import { ApiError } from '@/lib/errors';
import type { ConfigEntry, ConfigListResponse } from '@/lib/schemas/configs';
import type { ConfigPatchInput } from '@/lib/schemas/topic-admin';
import { topicConfigValueError } from '@/lib/schemas/topic-config-catalog';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { toConfigEntries } from '@/server/kafka/config-entries';
import { applyConfigPatch, showsPatch } from '@/server/kafka/config-patch';
import { onAnyBroker } from '@/server/kafka/connection';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { describeOneTopicConfigs } from '@/server/kafka/topic-configs';
import { CONFIG_RESOURCE_TYPES } from '@/server/protocol/incremental-alter-configs';
import { untilPropagated } from '@/server/topics/propagation';
import { TOPIC_WRITE_DEADLINE_MS, changeableTopic, replicationFactorOf } from '@/server/topics/topic-guard';
import { refreshTopicView } from '@/server/topics/topic-view';

/**
 * Changes only the given keys of a topic's config (IncrementalAlterConfigs, as kafka-configs --alter --add-config /
 * --delete-config), then answers the topic's configs once a broker describes the change.
 */
export async function alterTopicConfigs(clusterId: string, topic: string, patch: ConfigPatchInput): Promise<ConfigListResponse> {
  const answer = await withKafkaForwarded(
    clusterId,
    async (connection) => {
      const meta = changeableTopic(await readClusterMetadata(connection), topic);
      const minIsr = patch.set?.['min.insync.replicas'];
      const minIsrError =
        minIsr === undefined
          ? null
          : topicConfigValueError('min.insync.replicas', minIsr, { replicationFactor: replicationFactorOf(meta) });
      if (minIsrError) throw new ApiError('VALIDATION', minIsrError, { fieldErrors: { 'set.min.insync.replicas': [minIsrError] } });
      await onAnyBroker(connection, (broker) =>
        applyConfigPatch(broker, { resourceType: CONFIG_RESOURCE_TYPES.TOPIC, resourceName: topic }, patch),
      );
      const read = async () => toConfigEntries(await describeOneTopicConfigs(connection, topic), 'topic');
      // KRaft brokers describe from their metadata cache, which learns of the change a moment after Kafka answers.
      let configs: ConfigEntry[] | undefined;
      await untilPropagated(async () => showsPatch((configs = await read()), patch, (e) => !e.isDefault));
      return { asOf: Date.now(), configs: configs ?? (await read()) };
    },
    { deadlineMs: TOPIC_WRITE_DEADLINE_MS },
  );
  // The topic's page shows its configs from the shared view: read again, with the change.
  await refreshTopicView(clusterId, topic);
  return answer;
}
