import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type ListPartitionReassignmentsInput = {
  timeoutMs: number;
  /** null lists every ongoing reassignment of the cluster; partitions not being reassigned are left out. */
  topics: { name: string; partitions: number[] }[] | null;
};

export type OngoingReassignment = {
  partition: number;
  /** The full replica set while moving: the target replicas plus those still to be removed. */
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
};

export type ListPartitionReassignmentsOutput = {
  /** NOT_CONTROLLER (41) from a ZooKeeper broker that is not the controller. */
  errorCode: number;
  errorMessage: string | null;
  topics: { name: string; partitions: OngoingReassignment[] }[];
};

const brokerIds = (r: Reader) => r.compactArray((r) => r.int32());

/**
 * ListPartitionReassignments (API 46, KIP-455), version 0 only, flexible (Kafka 3.9 and 4.x serve just v0). kafkajs
 * 2.2.4 does not have it. Layouts from Kafka's ListPartitionReassignmentsRequest.json / ...Response.json.
 */
export const listPartitionReassignmentsApi: ProtocolApi<ListPartitionReassignmentsInput, ListPartitionReassignmentsOutput> = {
  apiKey: 46,
  apiName: 'ListPartitionReassignments',
  minVersion: 0,
  maxVersion: 0,
  flexibleFrom: 0,
  encode(w, input) {
    w.int32(input.timeoutMs);
    // Nullable: null (compact length 0) asks for everything, an empty list for nothing.
    w.compactArray(input.topics, (w, topic) => {
      w.compactString(topic.name);
      w.compactArray(topic.partitions, (w, partition) => w.int32(partition));
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    const topics = r.compactArray((r) => {
      const name = r.compactString();
      const partitions = r.compactArray((r): OngoingReassignment => {
        const partition = r.int32();
        const replicas = brokerIds(r);
        const addingReplicas = brokerIds(r);
        const removingReplicas = brokerIds(r);
        r.taggedFields();
        return { partition, replicas, addingReplicas, removingReplicas };
      });
      r.taggedFields();
      return { name, partitions };
    });
    r.taggedFields();
    return { errorCode, errorMessage, topics };
  },
};

/**
 * ListPartitionReassignments on `broker`, which must be the controller on ZooKeeper clusters (on KRaft any broker
 * forwards it). Errors are returned, not thrown.
 */
export async function listPartitionReassignments(
  broker: KafkajsBroker,
  input: ListPartitionReassignmentsInput,
): Promise<ListPartitionReassignmentsOutput> {
  return sendRequest(broker, listPartitionReassignmentsApi, input);
}
