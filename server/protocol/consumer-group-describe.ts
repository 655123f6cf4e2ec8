import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { sendRequest, supportsApi } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type AssignedTopic = {
  /** Kafka's topic id as it prints it (base64url, 22 characters). */
  topicId: string;
  topic: string;
  partitions: number[];
};

export type ConsumerGroupMember = {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  /** Kafka 4.3 sends "" rather than null when the member subscribed by names. */
  subscribedTopicRegex: string | null;
  /** What the member owns now. */
  assignment: AssignedTopic[];
  /** What the group assignor wants it to own (differs while partitions move between members). */
  targetAssignment: AssignedTopic[];
  /** v1+ (KIP-1099): a member still on the classic protocol inside a consumer group, or a KIP-848 one; null below v1. */
  memberType: 'classic' | 'consumer' | null;
};

export type ConsumerGroupDescription = {
  groupId: string;
  /** 0, or e.g. GROUP_ID_NOT_FOUND (69: unknown, or a classic group → use DescribeGroups), NOT_COORDINATOR (16). */
  errorCode: number;
  errorMessage: string | null;
  /** "Empty", "Assigning", "Reconciling", "Stable", "Dead", or "" on error. */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  /** The server-side assignor ("uniform", "range"). */
  assignorName: string;
  members: ConsumerGroupMember[];
};

/** The Assignment struct KIP-848 and KIP-932 describes share: TopicPartitions (id, name, partitions), then its tags. */
export function readAssignment(r: Reader): AssignedTopic[] {
  const topics = r.compactArray((): AssignedTopic => {
    const topicId = r.uuid();
    const topic = r.compactString();
    const partitions = r.compactArray((r) => r.int32());
    r.taggedFields();
    return { topicId, topic, partitions };
  });
  r.taggedFields();
  return topics;
}

function member(r: Reader, version: number): ConsumerGroupMember {
  const memberId = r.compactString();
  const instanceId = r.compactNullableString();
  const rackId = r.compactNullableString();
  const memberEpoch = r.int32();
  const clientId = r.compactString();
  const clientHost = r.compactString();
  const subscribedTopicNames = r.compactArray((r) => r.compactString());
  const subscribedTopicRegex = r.compactNullableString();
  const current = readAssignment(r);
  const target = readAssignment(r);
  const type = version >= 1 ? r.int8() : -1;
  r.taggedFields();
  const memberType = type === 0 ? 'classic' : type === 1 ? 'consumer' : null;
  return {
    memberId,
    instanceId,
    rackId,
    memberEpoch,
    clientId,
    clientHost,
    subscribedTopicNames,
    subscribedTopicRegex,
    assignment: current,
    targetAssignment: target,
    memberType,
  };
}

/**
 * ConsumerGroupDescribe (API 69, KIP-848), versions 0-1, flexible only. Describes "consumer" protocol groups
 * (Kafka 4.0+; early access on 3.7-3.9 KRaft with the new coordinator enabled), which classic DescribeGroups
 * reports wrongly. A classic group answers GROUP_ID_NOT_FOUND ("… is not a consumer group"): the caller falls
 * back to DescribeGroups, as the Java admin client does. Kafka 3.9 in ZooKeeper mode lists the API (v0) but
 * answers UNSUPPORTED_VERSION (35) for every group: fall back on that too. v1 only adds MemberType. Layouts from
 * Kafka's ConsumerGroupDescribeRequest.json / ConsumerGroupDescribeResponse.json.
 */
export const consumerGroupDescribeApi: ProtocolApi<readonly string[], { groups: ConsumerGroupDescription[] }> = {
  apiKey: 69,
  apiName: 'ConsumerGroupDescribe',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom: 0,
  encode(w, groupIds) {
    w.compactArray(groupIds, (w, groupId) => w.compactString(groupId));
    w.bool(false); // include authorized operations
    w.emptyTaggedFields();
  },
  decode(r, version) {
    r.int32(); // throttle time
    const groups = r.compactArray((): ConsumerGroupDescription => {
      const errorCode = r.int16();
      const errorMessage = r.compactNullableString();
      const groupId = r.compactString();
      const state = r.compactString();
      const groupEpoch = r.int32();
      const assignmentEpoch = r.int32();
      const assignorName = r.compactString();
      const members = r.compactArray((r) => member(r, version));
      r.int32(); // authorized operations
      r.taggedFields();
      return { groupId, errorCode, errorMessage, state, groupEpoch, assignmentEpoch, assignorName, members };
    });
    r.taggedFields();
    return { groups };
  },
};

/** True when the broker speaks ConsumerGroupDescribe (else describe every group with DescribeGroups). */
export function supportsConsumerGroupDescribe(broker: KafkajsBroker) {
  return supportsApi(broker, consumerGroupDescribeApi.apiKey);
}

/**
 * Describes groups that `broker` coordinates, in one request; errors stay per group (not thrown). Kafka 4.x
 * answers in its own order (per __consumer_offsets partition): match the answers by group id.
 */
export async function consumerGroupDescribe(broker: KafkajsBroker, groupIds: readonly string[]): Promise<ConsumerGroupDescription[]> {
  if (groupIds.length === 0) return [];
  const response = await sendRequest(broker, consumerGroupDescribeApi, groupIds);
  return response.groups;
}
