import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type OffsetDeleteInput = { groupId: string; topics: { name: string; partitions: number[] }[] };
export type OffsetDeleteResponse = {
  /** Group-level: GROUP_ID_NOT_FOUND, NOT_COORDINATOR, NON_EMPTY_GROUP for a live group of another kind, … */
  errorCode: number;
  /** Per partition: GROUP_SUBSCRIBED_TO_TOPIC while a live member consumes the topic, UNKNOWN_TOPIC_OR_PARTITION. */
  topics: { name: string; partitions: { partition: number; errorCode: number }[] }[];
};

/**
 * OffsetDelete (API 47, KIP-496), version 0 only (no flexible version exists). kafkajs 2.2.4 lacks it. Layouts
 * from Kafka's OffsetDeleteRequest.json / OffsetDeleteResponse.json.
 */
export const offsetDeleteApi: ProtocolApi<OffsetDeleteInput, OffsetDeleteResponse> = {
  apiKey: 47,
  apiName: 'OffsetDelete',
  minVersion: 0,
  maxVersion: 0,
  flexibleFrom: Infinity,
  encode(w, input) {
    w.string(input.groupId);
    w.array(input.topics, (w, topic) => {
      w.string(topic.name);
      w.array(topic.partitions, (w, partition) => w.int32(partition));
    });
  },
  decode(r) {
    const errorCode = r.int16();
    r.int32(); // throttle time
    const topics = r.array((r) => {
      const name = r.string();
      const partitions = r.array((r) => ({ partition: r.int32(), errorCode: r.int16() }));
      return { name, partitions };
    });
    return { errorCode, topics };
  },
};

/** OffsetDelete on the group's coordinator; errors (group and partitions) are returned, not thrown. */
export async function deleteOffsets(broker: KafkajsBroker, input: OffsetDeleteInput): Promise<OffsetDeleteResponse> {
  return sendRequest(broker, offsetDeleteApi, input);
}
