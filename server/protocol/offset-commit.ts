import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type OffsetCommitInput = {
  groupId: string;
  /**
   * -1 with memberId "" commits as a simple member, as kafka-consumer-groups --reset-offsets (the Java admin's
   * alterConsumerGroupOffsets) does: the coordinator accepts it only while the group has no active members.
   */
  generationIdOrMemberEpoch: number;
  memberId: string;
  topics: { name: string; partitions: { partition: number; offset: bigint }[] }[];
};

export type OffsetCommitResponse = { topics: { name: string; partitions: { partition: number; errorCode: number }[] }[] };

/**
 * OffsetCommit (API 8), versions 2-9. Kafka 4.0 removed v0-v1 (KIP-896); v2-v4 carry RetentionTimeMs (-1: the
 * broker's default), v3 adds the throttle time to the answer, v5 drops the retention, v6 adds the committed leader
 * epoch (-1: unknown, as the admin client sends it), v7 GroupInstanceId (null), v8 is the first flexible version,
 * v9 only changes the broker's checks (KIP-848). v10 names topics by id: the console stops at v9, which 4.x still
 * serves. Metadata is "" like the CLI's OffsetAndMetadata(offset). Layouts from Kafka's OffsetCommitRequest.json /
 * OffsetCommitResponse.json.
 */
export const offsetCommitApi: ProtocolApi<OffsetCommitInput, OffsetCommitResponse> = {
  apiKey: 8,
  apiName: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 9,
  flexibleFrom: 8,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 8);
    f.string(input.groupId);
    w.int32(input.generationIdOrMemberEpoch);
    f.string(input.memberId);
    if (version >= 7) f.string(null); // group instance id
    if (version <= 4) w.int64(-1n); // retention time
    f.array(input.topics, (w, topic) => {
      f.string(topic.name);
      f.array(topic.partitions, (w, p) => {
        w.int32(p.partition).int64(p.offset);
        if (version >= 6) w.int32(-1); // committed leader epoch
        f.string(''); // metadata
        f.tags();
      });
      f.tags();
    });
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 8);
    if (version >= 3) r.int32(); // throttle time
    const topics = f.array(() => {
      const name = f.string();
      const partitions = f.array((r) => {
        const partition = r.int32();
        const errorCode = r.int16();
        f.tags();
        return { partition, errorCode };
      });
      f.tags();
      return { name, partitions };
    });
    f.tags();
    return { topics };
  },
};

/** One OffsetCommit to the group's coordinator; per-partition error codes are returned, not thrown. */
export async function commitOffsets(broker: KafkajsBroker, input: OffsetCommitInput): Promise<OffsetCommitResponse> {
  return sendRequest(broker, offsetCommitApi, input);
}
