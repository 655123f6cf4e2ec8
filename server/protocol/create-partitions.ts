import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type CreatePartitionsInput = {
  topics: {
    name: string;
    /** The new total partition count (not the number to add). */
    count: number;
    /** Replicas of each new partition only (count - current entries), or null for Kafka's placement. */
    assignments: number[][] | null;
  }[];
  timeoutMs: number;
  validateOnly: boolean;
};

/** INVALID_PARTITIONS (37) for a count not above the current one, UNKNOWN_TOPIC_OR_PARTITION (3), … */
export type CreatePartitionsResult = { name: string; errorCode: number; errorMessage: string | null };

/**
 * CreatePartitions (API 37), versions 0-3 (Kafka 3.9 and 4.x serve all four): v1 only changes throttling, v2 is
 * the flexible form, v3 may answer THROTTLING_QUOTA_EXCEEDED (KIP-599). Layouts from Kafka's
 * CreatePartitionsRequest.json / CreatePartitionsResponse.json.
 */
export const createPartitionsApi: ProtocolApi<CreatePartitionsInput, CreatePartitionsResult[]> = {
  apiKey: 37,
  apiName: 'CreatePartitions',
  minVersion: 0,
  maxVersion: 3,
  flexibleFrom: 2,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 2);
    f.array(input.topics, (w, topic) => {
      f.string(topic.name);
      w.int32(topic.count);
      // Nullable: null (not an empty list) asks Kafka to place the new partitions itself.
      f.array(topic.assignments, (_w, brokerIds) => {
        f.array(brokerIds, (w, id) => w.int32(id));
        f.tags();
      });
      f.tags();
    });
    w.int32(input.timeoutMs).bool(input.validateOnly);
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 2);
    r.int32(); // throttle time
    const results = f.array((r): CreatePartitionsResult => {
      const name = f.string();
      const errorCode = r.int16();
      const errorMessage = f.nullableString();
      f.tags();
      return { name, errorCode, errorMessage };
    });
    f.tags();
    return results;
  },
};

/**
 * CreatePartitions on `broker`, which must be the controller on ZooKeeper clusters (see onController in
 * server/kafka/controller.ts). Per-topic errors are returned, not thrown.
 */
export async function createPartitions(broker: KafkajsBroker, input: CreatePartitionsInput): Promise<CreatePartitionsResult[]> {
  return sendRequest(broker, createPartitionsApi, input);
}
