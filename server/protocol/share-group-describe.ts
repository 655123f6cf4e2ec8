import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { readAssignment, type AssignedTopic } from '@/server/protocol/consumer-group-describe';
import { sendRequest, supportsApi } from '@/server/kafka/send-request';
import type { ProtocolApi } from '@/server/protocol/request';

export type ShareGroupMember = {
  memberId: string;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  assignment: AssignedTopic[];
};

export type ShareGroupDescription = {
  groupId: string;
  /** 0, or e.g. GROUP_ID_NOT_FOUND (69), NOT_COORDINATOR (16). */
  errorCode: number;
  errorMessage: string | null;
  /** "Empty", "Stable", "Dead", or "" on error. */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: ShareGroupMember[];
};

function member(r: Reader): ShareGroupMember {
  const memberId = r.compactString();
  const rackId = r.compactNullableString();
  const memberEpoch = r.int32();
  const clientId = r.compactString();
  const clientHost = r.compactString();
  const subscribedTopicNames = r.compactArray((r) => r.compactString());
  const assignment = readAssignment(r);
  r.taggedFields();
  return { memberId, rackId, memberEpoch, clientId, clientHost, subscribedTopicNames, assignment };
}

/**
 * ShareGroupDescribe (API 77, KIP-932), version 1 only: v0 was the early access of Kafka 4.0 and was removed in 4.1,
 * where share groups became production-ready. Flexible. Layout from Kafka's ShareGroupDescribeResponse.json.
 */
export const shareGroupDescribeApi: ProtocolApi<readonly string[], { groups: ShareGroupDescription[] }> = {
  apiKey: 77,
  apiName: 'ShareGroupDescribe',
  minVersion: 1,
  maxVersion: 1,
  flexibleFrom: 1,
  encode(w, groupIds) {
    w.compactArray(groupIds, (w, groupId) => w.compactString(groupId));
    w.bool(false); // include authorized operations
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const groups = r.compactArray((): ShareGroupDescription => {
      const errorCode = r.int16();
      const errorMessage = r.compactNullableString();
      const groupId = r.compactString();
      const state = r.compactString();
      const groupEpoch = r.int32();
      const assignmentEpoch = r.int32();
      const assignorName = r.compactString();
      const members = r.compactArray(member);
      r.int32(); // authorized operations
      r.taggedFields();
      return { groupId, errorCode, errorMessage, state, groupEpoch, assignmentEpoch, assignorName, members };
    });
    r.taggedFields();
    return { groups };
  },
};

/** Whether the broker serves share groups' describe at a version the console speaks (Kafka 4.1+). */
export function supportsShareGroups(broker: KafkajsBroker) {
  const range = broker.versions?.[shareGroupDescribeApi.apiKey];
  return supportsApi(broker, shareGroupDescribeApi.apiKey) && Boolean(range && range.maxVersion >= 1);
}

export async function shareGroupDescribe(broker: KafkajsBroker, groupIds: readonly string[]): Promise<ShareGroupDescription[]> {
  if (groupIds.length === 0) return [];
  return (await sendRequest(broker, shareGroupDescribeApi, groupIds)).groups;
}
