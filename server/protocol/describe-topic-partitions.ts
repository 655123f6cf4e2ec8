import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { kafkaError, sendRequest, supportsApi } from '@/server/kafka/send-request';
import type { Reader } from '@/server/protocol/codec';
import type { ProtocolApi } from '@/server/protocol/request';

/** Where an answer stopped (ResponsePartitionLimit reached): the next request starts there. */
export type PartitionCursor = { topicName: string; partitionIndex: number };

export type DescribedPartition = {
  errorCode: number;
  partition: number;
  leaderId: number | null;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  /**
   * KIP-966: replicas that may become a clean leader although out of the ISR (they had the high watermark when
   * the ISR shrank below min.insync.replicas); null when the broker does not track them
   * (eligible.leader.replicas.version 0), which is not the same as none.
   */
  eligibleLeaderReplicas: number[] | null;
  lastKnownElr: number[] | null;
  offlineReplicas: number[];
};

export type DescribedTopic = { errorCode: number; name: string; isInternal: boolean; partitions: DescribedPartition[] };

type Request = { topics: readonly string[]; partitionLimit: number; cursor: PartitionCursor | null };
type Response = { topics: DescribedTopic[]; nextCursor: PartitionCursor | null };

const int32s = (r: Reader) => r.compactArray((r) => r.int32());
const nullableInt32s = (r: Reader) => r.compactNullableArray((r) => r.int32());

function cursor(r: Reader): PartitionCursor | null {
  // A nullable struct: -1 (int8) for null, 1 followed by its fields.
  if (r.int8() < 0) return null;
  const topicName = r.compactString();
  const partitionIndex = r.int32();
  r.taggedFields();
  return { topicName, partitionIndex };
}

function partition(r: Reader): DescribedPartition {
  const errorCode = r.int16();
  const index = r.int32();
  const leaderId = r.int32();
  const leaderEpoch = r.int32();
  const replicas = int32s(r);
  const isr = int32s(r);
  const eligibleLeaderReplicas = nullableInt32s(r);
  const lastKnownElr = nullableInt32s(r);
  const offlineReplicas = int32s(r);
  r.taggedFields();
  return {
    errorCode,
    partition: index,
    leaderId: leaderId < 0 ? null : leaderId,
    leaderEpoch,
    replicas,
    isr,
    eligibleLeaderReplicas,
    lastKnownElr,
    offlineReplicas,
  };
}

/**
 * DescribeTopicPartitions (API 75, v0, flexible; brokers of Kafka 3.8+ on KRaft): Metadata's partition view plus
 * the eligible leader replicas and the last known ELR, which Metadata does not carry. Answers at most
 * `partitionLimit` partitions and a cursor to continue from (DescribeTopicPartitionsRequest.json).
 */
export const describeTopicPartitionsApi: ProtocolApi<Request, Response> = {
  apiKey: 75,
  apiName: 'DescribeTopicPartitions',
  minVersion: 0,
  maxVersion: 0,
  flexibleFrom: 0,
  encode(w, input) {
    w.compactArray(input.topics, (w, name) => w.compactString(name).emptyTaggedFields());
    w.int32(input.partitionLimit);
    if (input.cursor === null) w.int8(-1);
    else w.int8(1).compactString(input.cursor.topicName).int32(input.cursor.partitionIndex).emptyTaggedFields();
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const topics = r.compactArray((r): DescribedTopic => {
      const errorCode = r.int16();
      const name = r.compactNullableString() ?? '';
      r.uuid();
      const isInternal = r.bool();
      const partitions = r.compactArray(partition);
      r.int32(); // authorized operations (not asked for)
      r.taggedFields();
      return { errorCode, name, isInternal, partitions };
    });
    const nextCursor = cursor(r);
    r.taggedFields();
    return { topics, nextCursor };
  },
};

/** Partitions per answer: the broker's own default. */
const PARTITION_LIMIT = 2_000;

/** Whether the broker answers DescribeTopicPartitions (KRaft brokers of Kafka 3.8 and later). */
export const supportsDescribeTopicPartitions = (broker: KafkajsBroker) => supportsApi(broker, describeTopicPartitionsApi.apiKey);

/**
 * The partitions of `topics`, every page of them (the cursor followed until the broker has none), topics in the
 * broker's order. A topic's own error (unknown, not authorized) is thrown as Kafka's error.
 */
export async function describeTopicPartitions(
  broker: KafkajsBroker,
  topics: readonly string[],
  { partitionLimit = PARTITION_LIMIT }: { partitionLimit?: number } = {},
): Promise<DescribedTopic[]> {
  const byName = new Map<string, DescribedTopic>();
  let cursor: PartitionCursor | null = null;
  do {
    const answer: Response = await sendRequest(broker, describeTopicPartitionsApi, { topics, partitionLimit, cursor });
    for (const topic of answer.topics) {
      const error = kafkaError(topic.errorCode);
      if (error) throw error;
      const known = byName.get(topic.name);
      if (known) known.partitions.push(...topic.partitions);
      else byName.set(topic.name, topic);
    }
    cursor = answer.nextCursor;
  } while (cursor !== null);
  return [...byName.values()];
}
