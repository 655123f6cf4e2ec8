import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type DeleteTopicsInput = { names: string[]; timeoutMs: number };

/** UNKNOWN_TOPIC_OR_PARTITION (3), TOPIC_DELETION_DISABLED (73), REQUEST_TIMED_OUT (7) while still deleting, … */
export type DeleteTopicResult = { name: string; errorCode: number; errorMessage: string | null };

/** Kafka's Uuid.ZERO_UUID: v6 topics named by name carry it as their id. */
const ZERO_UUID = Buffer.alloc(16);

/**
 * DeleteTopics (API 20), versions 1-6: Kafka 4.0 removed v0 (KIP-896). v4 is the first flexible version, v5 adds
 * ErrorMessage to the response, v6 replaces TopicNames by Topics (name or topic id; the console names them) and
 * answers each topic's id. Layouts from Kafka's DeleteTopicsRequest.json / DeleteTopicsResponse.json.
 */
export const deleteTopicsApi: ProtocolApi<DeleteTopicsInput, DeleteTopicResult[]> = {
  apiKey: 20,
  apiName: 'DeleteTopics',
  minVersion: 1,
  maxVersion: 6,
  flexibleFrom: 4,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 4);
    if (version >= 6) {
      f.array(input.names, (w, name) => {
        f.string(name);
        w.raw(ZERO_UUID);
        f.tags();
      });
    } else {
      f.array(input.names, (_w, name) => f.string(name));
    }
    w.int32(input.timeoutMs);
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 4);
    r.int32(); // throttle time
    const results = f.array((r): DeleteTopicResult => {
      // Nullable from v6 (a topic deleted by id); the console deletes by name, so Kafka echoes it.
      const name = (version >= 6 ? f.nullableString() : f.string()) ?? '';
      if (version >= 6) r.uuid(); // topic id: the caller knows topics by name
      const errorCode = r.int16();
      const errorMessage = version >= 5 ? f.nullableString() : null;
      f.tags();
      return { name, errorCode, errorMessage };
    });
    f.tags();
    return results;
  },
};

/**
 * DeleteTopics on `broker`, which must be the controller on ZooKeeper clusters (see onController in
 * server/kafka/controller.ts). Kafka answers once deletion has started (ZooKeeper: the controller removes the
 * logs afterwards, so the topic may linger in Metadata for a moment). Per-topic errors are returned, not thrown.
 */
export async function deleteTopics(broker: KafkajsBroker, input: DeleteTopicsInput): Promise<DeleteTopicResult[]> {
  return sendRequest(broker, deleteTopicsApi, input);
}
