import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { sendRequest } from '@/server/kafka/send-request';
import type { ProtocolApi } from '@/server/protocol/request';

export type DeleteShareGroupOffsetsInput = { groupId: string; topics: readonly string[] };

export type DeleteShareGroupOffsetsResponse = {
  /** Group-level: NON_EMPTY_GROUP while members are active, GROUP_ID_NOT_FOUND, NOT_COORDINATOR, … */
  errorCode: number;
  errorMessage: string | null;
  topics: { topic: string; errorCode: number; errorMessage: string | null }[];
};

/**
 * DeleteShareGroupOffsets (API 92, KIP-932), version 0, flexible: forgets a share group's state (start offsets) on
 * every partition of the topics, as kafka-share-groups --delete-offsets does. Layout from Kafka's
 * DeleteShareGroupOffsetsRequest.json / DeleteShareGroupOffsetsResponse.json.
 */
export const deleteShareGroupOffsetsApi: ProtocolApi<DeleteShareGroupOffsetsInput, DeleteShareGroupOffsetsResponse> = {
  apiKey: 92,
  apiName: 'DeleteShareGroupOffsets',
  minVersion: 0,
  maxVersion: 0,
  flexibleFrom: 0,
  encode(w, input) {
    w.compactString(input.groupId);
    w.compactArray(input.topics, (w, topic) => w.compactString(topic).emptyTaggedFields());
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    const topics = r.compactArray((r) => {
      const topic = r.compactString();
      r.uuid();
      const code = r.int16();
      const message = r.compactNullableString();
      r.taggedFields();
      return { topic, errorCode: code, errorMessage: message };
    });
    r.taggedFields();
    return { errorCode, errorMessage, topics };
  },
};

export async function deleteShareGroupOffsets(broker: KafkajsBroker, input: DeleteShareGroupOffsetsInput) {
  return sendRequest(broker, deleteShareGroupOffsetsApi, input);
}
