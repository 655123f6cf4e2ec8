import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { sendRequest } from '@/server/kafka/send-request';
import type { ProtocolApi } from '@/server/protocol/request';

export type AlterShareGroupOffsetsInput = {
  groupId: string;
  topics: readonly { name: string; partitions: readonly { partition: number; startOffset: bigint }[] }[];
};

export type AlterShareGroupOffsetsResponse = {
  /** Group-level: NON_EMPTY_GROUP while members are active, GROUP_ID_NOT_FOUND, NOT_COORDINATOR, … */
  errorCode: number;
  errorMessage: string | null;
  topics: { topic: string; partitions: { partition: number; errorCode: number; errorMessage: string | null }[] }[];
};

/**
 * AlterShareGroupOffsets (API 91, KIP-932), version 0, flexible: sets share-partitions' start offsets, as
 * kafka-share-groups --reset-offsets --execute does; Kafka refuses while the group has members. Layout from Kafka's
 * AlterShareGroupOffsetsRequest.json / AlterShareGroupOffsetsResponse.json (4.1+: the group-level error first).
 */
export const alterShareGroupOffsetsApi: ProtocolApi<AlterShareGroupOffsetsInput, AlterShareGroupOffsetsResponse> = {
  apiKey: 91,
  apiName: 'AlterShareGroupOffsets',
  minVersion: 0,
  maxVersion: 0,
  flexibleFrom: 0,
  encode(w, input) {
    w.compactString(input.groupId);
    w.compactArray(input.topics, (w, topic) => {
      w.compactString(topic.name);
      w.compactArray(topic.partitions, (w, p) => w.int32(p.partition).int64(p.startOffset).emptyTaggedFields());
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    const topics = r.compactArray((r) => {
      const topic = r.compactString();
      r.uuid();
      const partitions = r.compactArray((r) => {
        const partition = r.int32();
        const code = r.int16();
        const message = r.compactNullableString();
        r.taggedFields();
        return { partition, errorCode: code, errorMessage: message };
      });
      r.taggedFields();
      return { topic, partitions };
    });
    r.taggedFields();
    return { errorCode, errorMessage, topics };
  },
};

export async function alterShareGroupOffsets(broker: KafkajsBroker, input: AlterShareGroupOffsetsInput) {
  return sendRequest(broker, alterShareGroupOffsetsApi, input);
}
