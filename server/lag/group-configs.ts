import 'server-only';
import { ApiError } from '@/lib/errors';
import type { ConfigEntry } from '@/lib/schemas/configs';
import type { GroupConfigsResponse } from '@/lib/schemas/consumer-groups';
import type { ConfigPatchInput } from '@/lib/schemas/topic-admin';
import { withKafka, withKafkaForwarded } from '@/server/kafka/clients';
import { toConfigEntries } from '@/server/kafka/config-entries';
import { applyConfigPatch, showsPatch } from '@/server/kafka/config-patch';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { unwrapRetries } from '@/server/kafka/errors';
import { kafkaError } from '@/server/kafka/send-request';
import { CONFIG_RESOURCE_TYPES } from '@/server/protocol/incremental-alter-configs';
import { untilPropagated } from '@/server/topics/propagation';
import { TOPIC_WRITE_DEADLINE_MS } from '@/server/topics/topic-guard';

export const GROUP_CONFIGS_REQUIRE = 'Kafka 4.0 or later on KRaft (group configs, KIP-848)';

/** What a broker without group configs answers for the GROUP resource type (ZooKeeper mode, Kafka before 3.8). */
const UNSUPPORTED = new Set<number>([KafkaErrorCode.INVALID_REQUEST, KafkaErrorCode.UNSUPPORTED_VERSION]);
const UNSUPPORTED_TYPES = new Set(['INVALID_REQUEST', 'UNSUPPORTED_VERSION']);

/**
 * DescribeConfigs for the GROUP resource (type 32): every group config with its source — set on the group, or the
 * broker's `group.*` default it falls back to (`kafka-configs --describe --entity-type groups --all`). Kafka
 * answers for any group id, existing or not: configs may be set before a group's first member joins.
 */
async function describeGroupConfigs(connection: KafkaConnection, groupId: string): Promise<ConfigEntry[] | null> {
  const response = await onAnyBroker(connection, (broker) =>
    broker.describeConfigs({ resources: [{ type: CONFIG_RESOURCE_TYPES.GROUP, name: groupId }], includeSynonyms: false }),
  ).catch((error: unknown) => {
    // kafkajs throws a resource's error itself: a broker without group configs refuses the resource type.
    if (UNSUPPORTED_TYPES.has(String(unwrapRetries(error).type))) return null;
    throw error;
  });
  if (!response) return null;
  const [resource] = response.resources;
  if (resource && UNSUPPORTED.has(resource.errorCode)) return null;
  const error = resource ? kafkaError(resource.errorCode, resource.errorMessage) : null;
  if (error) throw error;
  return toConfigEntries(resource?.configEntries ?? [], 'group');
}

export async function getGroupConfigs(clusterId: string, groupId: string): Promise<GroupConfigsResponse> {
  const configs = await withKafka(clusterId, (connection) => describeGroupConfigs(connection, groupId));
  return configs ? { supported: true, asOf: Date.now(), configs } : { supported: false, requires: GROUP_CONFIGS_REQUIRE };
}

/**
 * Changes only the given keys of a group's config (IncrementalAlterConfigs on the GROUP resource, as kafka-configs
 * --alter --entity-type groups), then answers the configs once a broker describes the change. 409 where the
 * cluster has no group configs.
 */
export async function alterGroupConfigs(clusterId: string, groupId: string, patch: ConfigPatchInput): Promise<GroupConfigsResponse> {
  return withKafkaForwarded(
    clusterId,
    async (connection) => {
      if ((await describeGroupConfigs(connection, groupId)) === null) {
        throw new ApiError('CONFLICT', `Group configs need ${GROUP_CONFIGS_REQUIRE}`);
      }
      await onAnyBroker(connection, (broker) =>
        applyConfigPatch(broker, { resourceType: CONFIG_RESOURCE_TYPES.GROUP, resourceName: groupId }, patch),
      );
      let configs: ConfigEntry[] | null = null;
      // Brokers describe from their metadata cache, which learns of the change a moment after Kafka answers.
      await untilPropagated(async () =>
        showsPatch((configs = (await describeGroupConfigs(connection, groupId)) ?? []), patch, (e) => e.source === 'group'),
      );
      return { supported: true as const, asOf: Date.now(), configs: configs ?? [] };
    },
    { deadlineMs: TOPIC_WRITE_DEADLINE_MS },
  );
}
