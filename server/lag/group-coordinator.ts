import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { ApiError } from '@/lib/errors';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { partitionKey } from '@/server/kafka/partition-key';
import { describeGroupMembers } from '@/server/lag/describe-group-members';
import { findGroupCoordinatorId } from '@/server/protocol/find-coordinator';
import { fetchCommittedOffsets } from '@/server/protocol/offset-fetch';
import { kafkaError } from '@/server/kafka/send-request';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

/** The coordinator moved or is loading its __consumer_offsets partition: ask FindCoordinator again. */
const MOVED = new Set(['NOT_COORDINATOR_FOR_GROUP', 'GROUP_LOAD_IN_PROGRESS', 'GROUP_COORDINATOR_NOT_AVAILABLE']);
const ATTEMPTS = 3;

const MOVED_CODES = new Set<number>([
  KafkaErrorCode.NOT_COORDINATOR,
  KafkaErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  KafkaErrorCode.COORDINATOR_NOT_AVAILABLE,
]);

/** A group's error code meaning "ask FindCoordinator again", thrown as the typed error onGroupCoordinator retries. */
export function throwIfCoordinatorMoved(code: number) {
  if (MOVED_CODES.has(code)) throw kafkaError(code)!;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` on the group's coordinator (FindCoordinator on any broker), again on the new coordinator when
 * FindCoordinator or `work` throws NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE or a loading coordinator's error
 * (kafkajs's types), at most three times.
 */
export async function onGroupCoordinator<T>(
  connection: KafkaConnection,
  groupId: string,
  work: (broker: KafkajsBroker) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // Inside the retry: FindCoordinator itself answers COORDINATOR_NOT_AVAILABLE while the group's
      // __consumer_offsets partition has no leader or is being loaded (seen when creating 5,000 groups at once).
      const coordinatorId = await onAnyBroker(connection, (broker) => findGroupCoordinatorId(broker, groupId));
      // kafkajs's findBroker refreshes its metadata on an unknown id, but throws anyway: refresh first.
      if (!connection.cluster.brokerPool.brokers[coordinatorId]) await connection.cluster.refreshMetadata();
      const broker = await connection.cluster.findBroker({ nodeId: coordinatorId });
      return await work(broker);
    } catch (error) {
      const type = (error as { type?: unknown }).type;
      if (attempt >= ATTEMPTS || typeof type !== 'string' || !MOVED.has(type)) throw error;
      await pause(200 * attempt);
    }
  }
}

/** The group as a reset needs it: its state and members, and every committed offset (by partitionKey). */
export type GroupPosition = {
  groupId: string;
  /** Empty, Stable, …; "Dead" for a group that does not exist (the CLI resets those too: it creates them). */
  state: string;
  memberCount: number;
  committed: Map<string, string | null>;
};

/** Group-level errors other than "no such group" are thrown as kafkajs's typed errors (NOT_COORDINATOR → retried). */
function throwGroupError(code: number) {
  if (code === 0 || code === KafkaErrorCode.GROUP_ID_NOT_FOUND) return;
  throw kafkaError(code) ?? new Error(`Kafka error ${code}`);
}

/** DescribeGroups / ConsumerGroupDescribe (the Java admin's fallback) on the coordinator; errors thrown. */
export async function describeGroupState(broker: KafkajsBroker, groupId: string): Promise<{ state: string; memberCount: number }> {
  const described = (await describeGroupMembers(broker, [{ groupId, groupType: null }])).get(groupId);
  if (!described) throw kafkaError(KafkaErrorCode.NOT_COORDINATOR)!;
  throwGroupError(described.errorCode);
  return {
    state: described.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND ? 'Dead' : described.state,
    memberCount: described.members.length,
  };
}

/** Committed offsets of one group on its coordinator (OffsetFetch, every partition, requireStable false). */
export async function readCommitted(broker: KafkajsBroker, groupId: string): Promise<Map<string, string | null>> {
  const [fetched] = await fetchCommittedOffsets(broker, [{ groupId, topics: null }]);
  if (!fetched) throw kafkaError(KafkaErrorCode.NOT_COORDINATOR)!;
  throwGroupError(fetched.errorCode);
  const committed = new Map<string, string | null>();
  for (const topic of fetched.topics) {
    for (const p of topic.partitions) {
      if (p.errorCode === KafkaErrorCode.NOT_COORDINATOR || p.errorCode === KafkaErrorCode.COORDINATOR_LOAD_IN_PROGRESS)
        throwGroupError(p.errorCode);
      if (p.errorCode === 0) committed.set(partitionKey(topic.name, p.partition), p.committedOffset);
    }
  }
  return committed;
}

export async function readGroupPosition(connection: KafkaConnection, groupId: string): Promise<GroupPosition> {
  return onGroupCoordinator(connection, groupId, async (broker) => {
    const [state, committed] = await Promise.all([describeGroupState(broker, groupId), readCommitted(broker, groupId)]);
    return { groupId, ...state, committed };
  });
}

/** kafka-consumer-groups resets only groups in state Empty or Dead ("Assignments can only be reset if the group is inactive"). */
export function assertInactive(group: { groupId: string; state: string; memberCount: number }, what = 'reset its offsets') {
  if ((group.state === 'Empty' || group.state === 'Dead') && group.memberCount === 0) return;
  const members = `${group.memberCount} active member${group.memberCount === 1 ? '' : 's'}`;
  throw new ApiError('CONFLICT', `Consumer group "${group.groupId}" is ${group.state} with ${members}: stop its consumers to ${what}`);
}
