import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { sendRequest } from '@/server/kafka/send-request';
import { pickVersion, UnsupportedApiError, type ProtocolApi } from '@/server/protocol/request';

export type AlterPartitionReassignmentsInput = {
  timeoutMs: number;
  /**
   * v1 (Kafka 4.1+, KIP-860): false makes Kafka refuse (INVALID_REPLICATION_FACTOR, 38) any partition whose replica
   * count would change. Default true, which is also what every v0 broker does.
   */
  allowReplicationFactorChange?: boolean;
  topics: {
    name: string;
    /**
     * `replicas` lists the target brokers, the first one being the preferred leader; null CANCELS the partition's
     * ongoing reassignment (NO_REASSIGNMENT_IN_PROGRESS, 85, when there is none).
     */
    partitions: { partition: number; replicas: number[] | null }[];
  }[];
};

export type AlterPartitionReassignmentsOutput = {
  /** NOT_CONTROLLER (41) from a ZooKeeper broker that is not the controller: then nothing was changed. */
  errorCode: number;
  errorMessage: string | null;
  topics: {
    name: string;
    /** Per partition: UNKNOWN_TOPIC_OR_PARTITION (3), INVALID_REPLICA_ASSIGNMENT (39), NO_REASSIGNMENT_IN_PROGRESS (85), … */
    partitions: { partition: number; errorCode: number; errorMessage: string | null }[];
  }[];
};

/** Java's admin client refuses the same way: a v0 broker would silently allow the change it was asked to refuse. */
function refuseOption(version: number, input: AlterPartitionReassignmentsInput) {
  if (version < 1 && input.allowReplicationFactorChange === false) {
    throw new UnsupportedApiError('the broker cannot refuse replication factor changes (AlterPartitionReassignments v1, Kafka 4.1+)');
  }
}

/**
 * AlterPartitionReassignments (API 45, KIP-455), versions 0-1, flexible from v0: Kafka 3.9 serves v0, 4.x v0-1
 * (v1 adds AllowReplicationFactorChange to the request and echoes it in the response). kafkajs 2.2.4 cannot send
 * it at all, and no kafkajs encoder writes a null array, which is how a reassignment is cancelled. Layouts from
 * Kafka's AlterPartitionReassignmentsRequest.json / AlterPartitionReassignmentsResponse.json.
 */
export const alterPartitionReassignmentsApi: ProtocolApi<AlterPartitionReassignmentsInput, AlterPartitionReassignmentsOutput> = {
  apiKey: 45,
  apiName: 'AlterPartitionReassignments',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom: 0,
  encode(w, input, version) {
    refuseOption(version, input);
    w.int32(input.timeoutMs);
    // Only written in v1: a v0 broker would read it as the first byte of the topic array.
    if (version >= 1) w.bool(input.allowReplicationFactorChange ?? true);
    w.compactArray(input.topics, (w, topic) => {
      w.compactString(topic.name);
      w.compactArray(topic.partitions, (w, p) => {
        // A null list is the compact length 0 (a single 0x00); an empty list (0x01) would be refused instead.
        w.int32(p.partition).compactArray(p.replicas, (w, id) => w.int32(id));
        w.emptyTaggedFields();
      });
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  },
  decode(r: Reader, version) {
    r.int32(); // throttle time
    if (version >= 1) r.bool(); // AllowReplicationFactorChange, the request's value echoed back
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    const topics = r.compactArray((r) => {
      const name = r.compactString();
      const partitions = r.compactArray((r) => {
        const partition = { partition: r.int32(), errorCode: r.int16(), errorMessage: r.compactNullableString() };
        r.taggedFields();
        return partition;
      });
      r.taggedFields();
      return { name, partitions };
    });
    r.taggedFields();
    return { errorCode, errorMessage, topics };
  },
};

/**
 * AlterPartitionReassignments on `broker`, which must be the controller on ZooKeeper clusters (others answer a
 * top-level NOT_CONTROLLER; on KRaft any broker forwards it). Kafka answers once the reassignments are started,
 * not finished: ListPartitionReassignments shows them until they complete. Errors are returned, not thrown.
 */
export async function alterPartitionReassignments(
  broker: KafkajsBroker,
  input: AlterPartitionReassignmentsInput,
): Promise<AlterPartitionReassignmentsOutput> {
  // Checked before sending: an error thrown while kafkajs encodes would leave its request queue waiting.
  refuseOption(pickVersion(alterPartitionReassignmentsApi, broker.versions), input);
  return sendRequest(broker, alterPartitionReassignmentsApi, input);
}
