import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { sendRequest } from '@/server/kafka/send-request';
import type { ProtocolApi } from '@/server/protocol/request';

export type SharePartitionOffsets = {
  partition: number;
  /** The share-partition start offset; null where the group has no state for the partition yet. */
  startOffset: string | null;
  leaderEpoch: number | null;
  /** Records from the start offset to the high watermark not yet acknowledged (v1+, computed by the broker); null when unknown. */
  lag: string | null;
  errorCode: number;
  errorMessage: string | null;
};

export type ShareGroupOffsets = {
  groupId: string;
  errorCode: number;
  errorMessage: string | null;
  topics: { topic: string; topicId: string; partitions: SharePartitionOffsets[] }[];
};

const known = (value: bigint) => (value < 0n ? null : value.toString());

/**
 * DescribeShareGroupOffsets (API 90, KIP-932), versions 0-1, flexible: each share group's start offset per
 * partition (topics null = every partition the group has state for); v1 adds the lag the broker computes. Layout from
 * Kafka's DescribeShareGroupOffsetsRequest.json / DescribeShareGroupOffsetsResponse.json.
 */
export const describeShareGroupOffsetsApi: ProtocolApi<readonly string[], { groups: ShareGroupOffsets[] }> = {
  apiKey: 90,
  apiName: 'DescribeShareGroupOffsets',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom: 0,
  encode(w, groupIds) {
    w.compactArray(groupIds, (w, groupId) => {
      w.compactString(groupId);
      w.uvarint(0); // topics: null (every partition)
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  },
  decode(r, version) {
    r.int32(); // throttle time
    const groups = r.compactArray((r): ShareGroupOffsets => {
      const groupId = r.compactString();
      const topics = r.compactArray((r) => {
        const topic = r.compactString();
        const topicId = r.uuid();
        const partitions = r.compactArray((r): SharePartitionOffsets => {
          const partition = r.int32();
          const startOffset = known(r.int64());
          const epoch = r.int32();
          const lag = version >= 1 ? known(r.int64()) : null;
          const errorCode = r.int16();
          const errorMessage = r.compactNullableString();
          r.taggedFields();
          return { partition, startOffset, leaderEpoch: epoch < 0 ? null : epoch, lag, errorCode, errorMessage };
        });
        r.taggedFields();
        return { topic, topicId, partitions };
      });
      const errorCode = r.int16();
      const errorMessage = r.compactNullableString();
      r.taggedFields();
      return { groupId, errorCode, errorMessage, topics };
    });
    r.taggedFields();
    return { groups };
  },
};

export async function describeShareGroupOffsets(broker: KafkajsBroker, groupIds: readonly string[]): Promise<ShareGroupOffsets[]> {
  if (groupIds.length === 0) return [];
  return (await sendRequest(broker, describeShareGroupOffsetsApi, groupIds)).groups;
}
