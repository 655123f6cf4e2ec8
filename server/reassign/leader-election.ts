import 'server-only';
import { ApiError } from '@/lib/errors';
import type { LeaderElectionInput, LeaderElectionResponse } from '@/lib/schemas/reassignments';
import { refreshSnapshotAfter } from '@/server/cluster-state/snapshot';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { onController } from '@/server/kafka/controller';
import { readClusterMetadata, type ClusterMetadata } from '@/server/kafka/metadata';
import { partitionKey } from '@/server/kafka/partition-key';
import { ELECTION_TYPES, electLeaders } from '@/server/protocol/elect-leaders';
import { kafkaError } from '@/server/kafka/send-request';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

type Candidate = { topic: string; partition: number; preferred: number; leader: number | null };

/** The partitions the request names (topics, preferred-leader brokers, partitions; none = the whole cluster). */
function candidates(metadata: ClusterMetadata, input: LeaderElectionInput): Candidate[] {
  const topics = input.topics && new Set(input.topics);
  const brokers = input.brokers && new Set(input.brokers);
  const partitions = input.partitions && new Set(input.partitions.map((p) => partitionKey(p.topic, p.partition)));
  const whole = !topics && !brokers && !partitions;
  const known = new Set(metadata.topics.map((t) => t.name));
  const missing = [...(input.topics ?? []), ...(input.partitions ?? []).map((p) => p.topic)].filter((t) => !known.has(t));
  if (missing.length > 0) throw new ApiError('NOT_FOUND', `Topic "${missing[0]}" does not exist`);
  return metadata.topics.flatMap((t) =>
    t.partitions
      .filter((p) => p.replicas.length > 0)
      .filter((p) => whole || topics?.has(t.name) || brokers?.has(p.replicas[0]!) || partitions?.has(partitionKey(t.name, p.partition)))
      .map((p) => ({ topic: t.name, partition: p.partition, preferred: p.replicas[0]!, leader: p.leader })),
  );
}

/**
 * Preferred leader election (ElectLeaders, as kafka-leader-election --election-type preferred) for the partitions
 * not led by their preferred replica; no ZooKeeper involved. Answers which leaders moved and which Kafka refused.
 */
export async function electPreferredLeaders(clusterId: string, input: LeaderElectionInput): Promise<LeaderElectionResponse> {
  const result = await withKafkaForwarded(clusterId, async (connection) => {
    const chosen = candidates(await readClusterMetadata(connection), input);
    const todo = chosen.filter((c) => c.leader !== c.preferred);
    const response: LeaderElectionResponse = { elected: [], alreadyPreferred: chosen.length - todo.length, failed: [] };
    if (todo.length === 0) return response;
    const byTopic = new Map<string, number[]>();
    for (const c of todo) byTopic.set(c.topic, [...(byTopic.get(c.topic) ?? []), c.partition]);
    const topicPartitions = [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
    const answer = await onController(connection, (broker) =>
      electLeaders(broker, { electionType: ELECTION_TYPES.PREFERRED, topicPartitions, timeoutMs: 10_000 }),
    );
    const topError = kafkaError(answer.errorCode);
    if (topError) throw topError;
    const preferred = new Map(todo.map((c) => [partitionKey(c.topic, c.partition), c.preferred]));
    for (const topic of answer.results) {
      for (const p of topic.partitions) {
        if (p.errorCode === 0)
          response.elected.push({
            topic: topic.topic,
            partition: p.partition,
            leader: preferred.get(partitionKey(topic.topic, p.partition))!,
          });
        else if (p.errorCode === KafkaErrorCode.ELECTION_NOT_NEEDED) response.alreadyPreferred += 1;
        else
          response.failed.push({
            topic: topic.topic,
            partition: p.partition,
            error:
              kafkaError(p.errorCode, p.errorMessage)?.message ??
              `Kafka error ${p.errorCode}${p.errorMessage ? `: ${p.errorMessage}` : ''}`,
          });
      }
    }
    return response;
  });
  if (result.elected.length > 0) await refreshSnapshotAfter(clusterId, Date.now());
  return result;
}
