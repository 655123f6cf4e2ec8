import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

/** Kafka's DeleteRecordsRequest.HIGH_WATERMARK: "delete everything up to the high watermark" (empty the partition). */
export const HIGH_WATERMARK = -1n;

export type DeleteRecordsInput = {
  /** Partitions led by the broker the request goes to; the others answer NOT_LEADER_OR_FOLLOWER (6). */
  topics: { name: string; partitions: { partition: number; offset: bigint }[] }[];
  timeoutMs: number;
};

export type DeleteRecordsResult = {
  name: string;
  partitions: {
    partition: number;
    /** The new log start offset as an exact decimal; Kafka answers -1 with an error. */
    lowWatermark: string;
    /** OFFSET_OUT_OF_RANGE (1) beyond the high watermark, NOT_LEADER_OR_FOLLOWER (6), POLICY_VIOLATION (44) on compacted topics, … */
    errorCode: number;
  }[];
};

/**
 * DeleteRecords (API 21), versions 0-2 (Kafka 3.9 and 4.x serve all three): v1 only changes throttling, v2 is the
 * flexible form. kafkajs 2.2.4 has it only as admin.deleteTopicRecords, which resolves leaders itself and throws
 * away the low watermarks. Layouts from Kafka's DeleteRecordsRequest.json / DeleteRecordsResponse.json.
 */
export const deleteRecordsApi: ProtocolApi<DeleteRecordsInput, DeleteRecordsResult[]> = {
  apiKey: 21,
  apiName: 'DeleteRecords',
  minVersion: 0,
  maxVersion: 2,
  flexibleFrom: 2,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 2);
    f.array(input.topics, (_w, topic) => {
      f.string(topic.name);
      f.array(topic.partitions, (w, p) => {
        w.int32(p.partition).int64(p.offset);
        f.tags();
      });
      f.tags();
    });
    w.int32(input.timeoutMs);
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 2);
    r.int32(); // throttle time
    const topics = f.array((r): DeleteRecordsResult => {
      const name = f.string();
      const partitions = f.array(() => {
        const partition = { partition: r.int32(), lowWatermark: r.int64String(), errorCode: r.int16() };
        f.tags();
        return partition;
      });
      f.tags();
      return { name, partitions };
    });
    f.tags();
    return topics;
  },
};

/**
 * DeleteRecords on `broker`, which must lead every partition in `input` (group partitions by leader, one request
 * per leader). Per-partition errors are returned, not thrown.
 */
export async function deleteRecords(broker: KafkajsBroker, input: DeleteRecordsInput): Promise<DeleteRecordsResult[]> {
  return sendRequest(broker, deleteRecordsApi, input);
}
