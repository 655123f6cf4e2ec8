import 'server-only';
import { onBrokers } from '@/server/kafka/broker-wave';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { describeTopicConfigs } from '@/server/kafka/topic-configs';
import { ALTER_CONFIG_OPS, CONFIG_RESOURCE_TYPES, incrementalAlterConfigs } from '@/server/protocol/incremental-alter-configs';
import { kafkaError } from '@/server/kafka/send-request';
import type { PlannedMove } from '@/server/reassign/validate-plan';
import {
  FOLLOWER_RATE,
  FOLLOWER_REPLICAS,
  LEADER_RATE,
  LEADER_REPLICAS,
  mergeThrottleList,
  removeFromThrottleList,
  throttledBrokers,
  topicThrottles,
} from '@/server/reassign/throttles';

type Move = Pick<PlannedMove, 'topic' | 'partition' | 'before'> & { target: number[] };
type ConfigOp = { name: string; op: number; value: string | null };

const set = (name: string, value: string): ConfigOp => ({ name, op: ALTER_CONFIG_OPS.SET, value });
const del = (name: string): ConfigOp => ({ name, op: ALTER_CONFIG_OPS.DELETE, value: null });

/** Throws the first refusal of an IncrementalAlterConfigs answer. */
function checkResults(results: { resourceName: string; errorCode: number; errorMessage: string | null }[]) {
  for (const r of results) {
    const error = kafkaError(r.errorCode, r.errorMessage ? `${r.resourceName}: ${r.errorMessage}` : r.resourceName);
    if (error) throw error;
  }
}

/** The topics' current throttle lists (an unset key reads as the empty default). */
async function currentLists(connection: KafkaConnection, topics: string[]) {
  const resources = await describeTopicConfigs(connection, topics, [LEADER_REPLICAS, FOLLOWER_REPLICAS]);
  // A topic deleted meanwhile answers an error: it has nothing left to throttle.
  return new Map(
    resources
      .filter((r) => r.errorCode === 0)
      .map((r) => [r.resourceName, new Map(r.configEntries.map((e) => [e.configName, e.configValue]))]),
  );
}

async function alterTopics(connection: KafkaConnection, resources: { resourceName: string; configs: ConfigOp[] }[]) {
  if (resources.length === 0) return;
  const request = { resources: resources.map((r) => ({ resourceType: CONFIG_RESOURCE_TYPES.TOPIC, ...r })), validateOnly: false };
  checkResults(await onAnyBroker(connection, (broker) => incrementalAlterConfigs(broker, request)));
}

/** Each broker's rate keys are altered on that broker itself (Kafka refuses them elsewhere); failures are reported. */
export async function setBrokerRates(connection: KafkaConnection, brokers: readonly number[], rate: number | null): Promise<string[]> {
  const configs =
    rate === null ? [del(LEADER_RATE), del(FOLLOWER_RATE)] : [set(LEADER_RATE, String(rate)), set(FOLLOWER_RATE, String(rate))];
  const outcomes = await onBrokers(connection, brokers, async (broker, id) =>
    checkResults(
      await incrementalAlterConfigs(broker, {
        resources: [{ resourceType: CONFIG_RESOURCE_TYPES.BROKER, resourceName: String(id), configs }],
        validateOnly: false,
      }),
    ),
  );
  return outcomes.flatMap((o) => (o.ok ? [] : [`broker ${o.brokerId}: ${o.error}`]));
}

/**
 * Throttles the moves as kafka-reassign-partitions --throttle does: the topics' leader/follower replica lists
 * (merged into what is set already) and both rates on every broker involved.
 */
export async function setThrottles(connection: KafkaConnection, moves: readonly Move[], rate: number): Promise<string[]> {
  const throttles = topicThrottles(moves);
  const current = await currentLists(
    connection,
    throttles.map((t) => t.topic),
  );
  await alterTopics(
    connection,
    throttles
      .filter((t) => current.has(t.topic))
      .map((t) => ({
        resourceName: t.topic,
        configs: [
          set(LEADER_REPLICAS, mergeThrottleList(current.get(t.topic)?.get(LEADER_REPLICAS), t.leader)),
          set(FOLLOWER_REPLICAS, mergeThrottleList(current.get(t.topic)?.get(FOLLOWER_REPLICAS), t.follower)),
        ],
      })),
  );
  return setBrokerRates(connection, throttledBrokers(moves), rate);
}

/**
 * Removes what setThrottles added: the job's entries from the topics' lists (a key left empty is deleted) and, when
 * no other running job is throttled (`keepRates`), the rates on the job's brokers.
 */
export async function clearThrottles(
  connection: KafkaConnection,
  moves: readonly Move[],
  { keepRates }: { keepRates: boolean },
): Promise<string[]> {
  const throttles = topicThrottles(moves);
  const current = await currentLists(
    connection,
    throttles.map((t) => t.topic),
  );
  const op = (name: string, value: string | null) => (value === null ? del(name) : set(name, value));
  await alterTopics(
    connection,
    throttles
      .filter((t) => current.has(t.topic))
      .map((t) => ({
        resourceName: t.topic,
        configs: [
          op(LEADER_REPLICAS, removeFromThrottleList(current.get(t.topic)?.get(LEADER_REPLICAS), t.leader)),
          op(FOLLOWER_REPLICAS, removeFromThrottleList(current.get(t.topic)?.get(FOLLOWER_REPLICAS), t.follower)),
        ],
      })),
  );
  return keepRates ? [] : setBrokerRates(connection, throttledBrokers(moves), null);
}
