import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { GroupMember } from '@/lib/schemas/consumer-groups';
import {
  consumerGroupDescribe,
  supportsConsumerGroupDescribe,
  type ConsumerGroupDescription,
} from '@/server/protocol/consumer-group-describe';
import { describeGroups, type ClassicGroup } from '@/server/protocol/describe-groups';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

/** A group as the console shows it, whichever protocol describes it. */
export type DescribedGroup = {
  groupId: string;
  state: string;
  groupProtocol: 'classic' | 'consumer';
  /** "consumer"; "" for a group that only ever had offsets committed; another protocol's name (e.g. "connect"). */
  protocolType: string;
  assignor: string | null;
  /** "consumer" protocol groups only; null for classic ones. */
  epochs: { groupEpoch: number; targetAssignmentEpoch: number } | null;
  members: GroupMember[];
  /** Kafka's error code for this group (e.g. NOT_COORDINATOR, GROUP_ID_NOT_FOUND); 0 when described. */
  errorCode: number;
};

/** ConsumerGroupDescribe's answers that mean "ask DescribeGroups": a classic group, or a broker (3.9 in ZooKeeper mode) that lists the API but does not serve it. */
const NOT_A_CONSUMER_GROUP = new Set<number>([KafkaErrorCode.UNSUPPORTED_VERSION, KafkaErrorCode.GROUP_ID_NOT_FOUND]);

/** Per-topic partition lists (both protocols' assignment form) as one (topic, partition) per partition. */
/** A KIP-848 / KIP-932 assignment as the console's topic-partition list. */
export const topicPartitions = (assignment: readonly { topic: string; partitions: readonly number[] }[]) =>
  assignment.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));

function fromClassic(group: ClassicGroup): DescribedGroup {
  return {
    groupId: group.groupId,
    state: group.state,
    groupProtocol: 'classic',
    protocolType: group.protocolType,
    // Only a Stable group has a selected protocol; "" otherwise.
    assignor: group.protocolData || null,
    epochs: null,
    members: group.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      host: m.clientHost,
      assignments: topicPartitions(m.assignment),
    })),
    errorCode: group.errorCode,
  };
}

function fromConsumer(group: ConsumerGroupDescription): DescribedGroup {
  return {
    groupId: group.groupId,
    state: group.state,
    groupProtocol: 'consumer',
    protocolType: 'consumer',
    assignor: group.assignorName || null,
    epochs: { groupEpoch: group.groupEpoch, targetAssignmentEpoch: group.assignmentEpoch },
    members: group.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.instanceId,
      clientId: m.clientId,
      host: m.clientHost,
      // What the member owns now (the CLI's default view shows the current assignment, not the target).
      assignments: topicPartitions(m.assignment),
      consumerProtocol: {
        memberEpoch: m.memberEpoch,
        targetAssignments: topicPartitions(m.targetAssignment),
        rack: m.rackId,
        subscribedTopicNames: m.subscribedTopicNames,
        // Kafka 4.3 sends "" rather than null for a subscription by names.
        subscribedTopicRegex: m.subscribedTopicRegex || null,
        memberType: m.memberType,
      },
    })),
    errorCode: group.errorCode,
  };
}

/**
 * Describes groups on their coordinator, as the Java admin does: KIP-848 groups (ListGroups type "consumer") with
 * ConsumerGroupDescribe, the rest with DescribeGroups; each falls back to the other when the answer says the group
 * is of the other kind (DescribeGroups v6 answers GROUP_ID_NOT_FOUND for a consumer group on 4.x). At most one
 * request of each kind per call, plus one per fallback kind. Answers are matched by group id: 4.x reorders them.
 */
export async function describeGroupMembers(
  broker: KafkajsBroker,
  groups: readonly { groupId: string; groupType: string | null }[],
): Promise<Map<string, DescribedGroup>> {
  const described = new Map<string, DescribedGroup>();
  const canConsumer = supportsConsumerGroupDescribe(broker);
  const consumerIds = canConsumer ? groups.filter((g) => g.groupType === 'consumer').map((g) => g.groupId) : [];
  const classicIds = groups.map((g) => g.groupId).filter((id) => !consumerIds.includes(id));

  const [consumers, classics] = await Promise.all([consumerGroupDescribe(broker, consumerIds), describeGroups(broker, classicIds)]);
  const retryClassic: string[] = [];
  const retryConsumer: string[] = [];
  for (const g of consumers) {
    if (NOT_A_CONSUMER_GROUP.has(g.errorCode)) retryClassic.push(g.groupId);
    else described.set(g.groupId, fromConsumer(g));
  }
  for (const g of classics) {
    if (g.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND && canConsumer) retryConsumer.push(g.groupId);
    else described.set(g.groupId, fromClassic(g));
  }
  const [lateConsumers, lateClassics] = await Promise.all([
    consumerGroupDescribe(broker, retryConsumer),
    describeGroups(broker, retryClassic),
  ]);
  for (const g of lateConsumers) {
    // Neither kind knows it: keep DescribeGroups' answer (GROUP_ID_NOT_FOUND), not the consumer one.
    if (!NOT_A_CONSUMER_GROUP.has(g.errorCode)) described.set(g.groupId, fromConsumer(g));
    else
      described.set(g.groupId, {
        groupId: g.groupId,
        state: 'Dead',
        groupProtocol: 'classic',
        protocolType: '',
        assignor: null,
        epochs: null,
        members: [],
        errorCode: KafkaErrorCode.GROUP_ID_NOT_FOUND,
      });
  }
  for (const g of lateClassics) described.set(g.groupId, fromClassic(g));
  return described;
}
