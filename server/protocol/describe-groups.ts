import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { decodeConsumerAssignment, type AssignmentStatus, type TopicPartitions } from '@/server/protocol/consumer-protocol';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type ClassicGroupMember = {
  memberId: string;
  /** group.instance.id of a static member (v4+), else null. */
  groupInstanceId: string | null;
  clientId: string;
  /** As the broker saw the connection, usually with a leading "/" (the CLI prints it the same way). */
  clientHost: string;
  /** The member's partitions, decoded from MemberAssignment for "consumer" groups; see assignmentStatus. */
  assignment: TopicPartitions[];
  assignmentStatus: AssignmentStatus;
};

export type ClassicGroup = {
  groupId: string;
  /** 0, or e.g. NOT_COORDINATOR (16), COORDINATOR_LOAD_IN_PROGRESS (14), GROUP_ID_NOT_FOUND (69, v6+ only). */
  errorCode: number;
  /** v6+ only. */
  errorMessage: string | null;
  /** "Stable", "Empty", "PreparingRebalance", "CompletingRebalance", "Dead" (an unknown group below v6), … */
  state: string;
  /** "consumer", or "" for a group that only ever had offsets committed for it (e.g. kafka-consumer-groups --reset-offsets). */
  protocolType: string;
  /** The selected protocol: for "consumer" groups the assignor name ("range", "cooperative-sticky"); only when Stable. */
  protocolData: string;
  members: ClassicGroupMember[];
};

/**
 * DescribeGroups (API 15), versions 0-6. v1 adds the throttle time, v3 IncludeAuthorizedOperations (false here)
 * and AuthorizedOperations, v4 GroupInstanceId, v5 is the first flexible version, v6 (Kafka 4.x, KIP-1043)
 * ErrorMessage and GROUP_ID_NOT_FOUND for unknown groups (below v6 they come back as state "Dead", no error).
 * Members carry assignments only while the group is Stable. KIP-848 ("consumer" protocol) groups are not
 * described correctly here: use ConsumerGroupDescribe for them. Layouts from Kafka's DescribeGroupsRequest.json
 * / DescribeGroupsResponse.json.
 */
export const describeGroupsApi: ProtocolApi<readonly string[], { groups: ClassicGroup[] }> = {
  apiKey: 15,
  apiName: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 6,
  flexibleFrom: 5,
  encode(w, groupIds, version) {
    const f = fieldWriter(w, version >= 5);
    f.array(groupIds, (_w, groupId) => f.string(groupId));
    if (version >= 3) w.bool(false); // include authorized operations
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 5);
    if (version >= 1) r.int32(); // throttle time
    const groups = f.array((): ClassicGroup => {
      const errorCode = r.int16();
      const errorMessage = version >= 6 ? f.nullableString() : null;
      const groupId = f.string();
      const state = f.string();
      const protocolType = f.string();
      const protocolData = f.string();
      const members = f.array((): ClassicGroupMember => {
        const memberId = f.string();
        const groupInstanceId = version >= 4 ? f.nullableString() : null;
        const clientId = f.string();
        const clientHost = f.string();
        f.bytes(); // member metadata (the subscription): not needed, the assignment says what is consumed
        const assignment = f.bytes();
        f.tags();
        const decoded =
          protocolType === 'consumer'
            ? decodeConsumerAssignment(assignment)
            : { assignment: [], assignmentStatus: 'not-consumer' as const };
        return { memberId, groupInstanceId, clientId, clientHost, ...decoded };
      });
      if (version >= 3) r.int32(); // authorized operations
      f.tags();
      return { groupId, errorCode, errorMessage, state, protocolType, protocolData, members };
    });
    f.tags();
    return { groups };
  },
};

/**
 * Describes groups that `broker` coordinates, in one request; errors stay per group (not thrown): NOT_COORDINATOR
 * for a group another broker coordinates. Match the answers by group id: Kafka 4.x does not keep the request order.
 */
export async function describeGroups(broker: KafkajsBroker, groupIds: readonly string[]): Promise<ClassicGroup[]> {
  if (groupIds.length === 0) return [];
  const response = await sendRequest(broker, describeGroupsApi, groupIds);
  return response.groups;
}
