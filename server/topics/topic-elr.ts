import 'server-only';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import {
  describeTopicPartitions,
  supportsDescribeTopicPartitions,
  type DescribedPartition,
} from '@/server/protocol/describe-topic-partitions';

/** Per partition: the eligible leader replicas and the last known ELR, each null when the broker does not track them. */
export type TopicElr = Map<number, Pick<DescribedPartition, 'eligibleLeaderReplicas' | 'lastKnownElr'>>;

/**
 * Topics' eligible leader replicas (KIP-966) as a broker describes them: replicas out of the ISR that may still
 * become a clean leader, because they had every committed record when the ISR shrank below min.insync.replicas.
 * Metadata does not carry them; DescribeTopicPartitions does, on KRaft brokers of Kafka 3.8 and later. null when
 * the broker does not answer it (ZooKeeper mode, older brokers): the console then does not know, and says so.
 */
export async function readTopicsElr(connection: KafkaConnection, topics: readonly string[]): Promise<Map<string, TopicElr> | null> {
  return onAnyBroker(connection, async (broker) => {
    if (!supportsDescribeTopicPartitions(broker)) return null;
    const described = topics.length ? await describeTopicPartitions(broker, topics) : [];
    return new Map(
      described.map((topic) => [
        topic.name,
        new Map(
          topic.partitions.map((p) => [p.partition, { eligibleLeaderReplicas: p.eligibleLeaderReplicas, lastKnownElr: p.lastKnownElr }]),
        ),
      ]),
    );
  });
}

export async function readTopicElr(connection: KafkaConnection, topic: string): Promise<TopicElr | null> {
  const read = await readTopicsElr(connection, [topic]);
  return read ? (read.get(topic) ?? new Map()) : null;
}
