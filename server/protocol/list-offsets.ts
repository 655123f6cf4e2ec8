import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader, Writer } from '@/server/protocol/codec';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

/** Special ListOffsets timestamps: the high watermark (READ_UNCOMMITTED) and the log start offset. */
export const LATEST_TIMESTAMP = -1n;
export const EARLIEST_TIMESTAMP = -2n;

/** READ_UNCOMMITTED makes "latest" the high watermark, as kafka-get-offsets and kafka-consumer-groups print it. */
export const READ_UNCOMMITTED = 0;

export type ListOffsetsInput = {
  isolationLevel: 0 | 1;
  topics: { name: string; partitions: { partition: number; timestamp: bigint }[] }[];
};

export type ListOffsetsPartition = { partition: number; errorCode: number; offset: string };
export type ListOffsetsResponse = { topics: { name: string; partitions: ListOffsetsPartition[] }[] };

/**
 * ListOffsets (API 2), versions 1-9. kafkajs 2.2.4 speaks up to v3 and its response parser throws on the first
 * partition with an error code, dropping every other partition of the request: one moved leader would blank a
 * whole broker. This one keeps per-partition error codes. Kafka 4.0 removed v0 (KIP-896); v4 adds the
 * current leader epoch (-1: no fencing), v6 is the first flexible version, v7-v9 only add special timestamps
 * (same bytes); v10 appends a timeout for tiered-storage lookups that the console does not need.
 * Layouts from Kafka's ListOffsetsRequest.json / ListOffsetsResponse.json.
 */
export const listOffsetsApi: ProtocolApi<ListOffsetsInput, ListOffsetsResponse> = {
  apiKey: 2,
  apiName: 'ListOffsets',
  minVersion: 1,
  maxVersion: 9,
  flexibleFrom: 6,
  encode(w, input, version) {
    const flexible = version >= 6;
    const string = (w: Writer, value: string) => (flexible ? w.compactString(value) : w.string(value));
    const array = <T>(w: Writer, items: readonly T[], each: (w: Writer, item: T) => void) =>
      flexible ? w.compactArray(items, each) : w.array(items, each);
    const tags = (w: Writer) => {
      if (flexible) w.emptyTaggedFields();
    };
    w.int32(-1); // replica id: a client, not a follower
    if (version >= 2) w.int8(input.isolationLevel);
    array(w, input.topics, (w, topic) => {
      string(w, topic.name);
      array(w, topic.partitions, (w, p) => {
        w.int32(p.partition);
        if (version >= 4) w.int32(-1);
        w.int64(p.timestamp);
        tags(w);
      });
      tags(w);
    });
    tags(w);
  },
  decode(r, version) {
    const flexible = version >= 6;
    const array = <T>(each: (r: Reader) => T) => (flexible ? r.compactArray(each) : r.array(each));
    const tags = () => {
      if (flexible) r.taggedFields();
    };
    if (version >= 2) r.int32(); // throttle time
    const topics = array(() => {
      const name = flexible ? r.compactString() : r.string();
      const partitions = array((): ListOffsetsPartition => {
        const partition = r.int32();
        const errorCode = r.int16();
        r.skip(8); // timestamp of the returned offset (-1 for the special timestamps)
        const offset = r.int64String();
        if (version >= 4) r.skip(4); // leader epoch
        tags();
        return { partition, errorCode, offset };
      });
      tags();
      return { name, partitions };
    });
    tags();
    return { topics };
  },
};

/** One ListOffsets request to a partition leader; per-partition error codes are returned, not thrown. */
export async function listOffsets(broker: KafkajsBroker, input: ListOffsetsInput): Promise<ListOffsetsResponse> {
  return sendRequest(broker, listOffsetsApi, input);
}
