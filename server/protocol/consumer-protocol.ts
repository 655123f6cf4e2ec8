// The embedded "consumer" protocol of classic groups: the bytes a group leader's assignor hands each member
// (DescribeGroups' MemberAssignment). Not a Kafka API: a versioned struct inside a `bytes` field, never flexible.
import { Reader } from '@/server/protocol/codec';

export type TopicPartitions = { topic: string; partitions: number[] };

/**
 * - `decoded`: `assignment` holds the member's partitions (possibly none);
 * - `empty`: no bytes, the group is not Stable (a rebalance is under way) or the member has nothing yet;
 * - `undecodable`: bytes that are not a ConsumerProtocolAssignment (a foreign client or a corrupt value);
 * - `not-consumer`: the group's protocol type is not "consumer" (e.g. Kafka Connect's "connect"): opaque bytes.
 */
export type AssignmentStatus = 'decoded' | 'empty' | 'undecodable' | 'not-consumer';

export type DecodedAssignment = { assignment: TopicPartitions[]; assignmentStatus: AssignmentStatus };

/**
 * ConsumerProtocolAssignment: int16 version, [topic string, [int32 partition]], nullable bytes user data.
 * Versions 0-3 share this layout and Kafka reads newer versions with it too (later versions may only append),
 * so any version ≥ 0 is read and trailing bytes are ignored. Layout from Kafka's ConsumerProtocolAssignment.json.
 */
export function decodeConsumerAssignment(bytes: Buffer): DecodedAssignment {
  if (bytes.length === 0) return { assignment: [], assignmentStatus: 'empty' };
  try {
    const r = new Reader(bytes);
    if (r.int16() < 0) return { assignment: [], assignmentStatus: 'undecodable' };
    const assignment = r.array((r) => ({ topic: r.string(), partitions: r.array((r) => r.int32()) }));
    return { assignment, assignmentStatus: 'decoded' };
  } catch {
    return { assignment: [], assignmentStatus: 'undecodable' };
  }
}
