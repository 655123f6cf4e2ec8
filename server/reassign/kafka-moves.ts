import 'server-only';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { onControllerWithRetry, onController } from '@/server/kafka/controller';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { partitionKey } from '@/server/kafka/partition-key';
import { alterPartitionReassignments } from '@/server/protocol/alter-partition-reassignments';
import { listPartitionReassignments } from '@/server/protocol/list-partition-reassignments';
import { kafkaError } from '@/server/kafka/send-request';
import type { Observation } from '@/server/reassign/job-progress';
import { KafkaErrorCode } from '@/server/kafka/error-codes';

const TIMEOUT_MS = 10_000;

type Target = { topic: string; partition: number; replicas: number[] | null };

/** Text for a refusal code; kafkajs's table lacks the newest codes, so the number is kept. */
const reason = (code: number, message: string | null) =>
  kafkaError(code, message)?.message ?? `Kafka error ${code}${message ? `: ${message}` : ''}`;

/**
 * AlterPartitionReassignments on the controller (ZooKeeper clusters serve it there only). `replicas: null` cancels
 * a partition's move. Kafka applies partitions one by one: the refusals come back per partition, by partitionKey.
 * A cancel of a partition that is no longer moving is not a refusal.
 */
export async function submitMoves(connection: KafkaConnection, targets: readonly Target[]): Promise<Map<string, string>> {
  const byTopic = new Map<string, { partition: number; replicas: number[] | null }[]>();
  for (const t of targets) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), { partition: t.partition, replicas: t.replicas }]);
  const topics = [...byTopic].map(([name, partitions]) => ({ name, partitions }));
  const [response] = await onControllerWithRetry(connection, async (broker) => [
    await alterPartitionReassignments(broker, { timeoutMs: TIMEOUT_MS, topics }),
  ]);
  const refusals = new Map<string, string>();
  if (!response) return refusals;
  if (response.errorCode !== 0) {
    for (const t of targets) refusals.set(partitionKey(t.topic, t.partition), reason(response.errorCode, response.errorMessage));
    return refusals;
  }
  for (const topic of response.topics) {
    for (const p of topic.partitions) {
      if (p.errorCode !== 0 && p.errorCode !== KafkaErrorCode.NO_REASSIGNMENT_IN_PROGRESS)
        refusals.set(partitionKey(topic.name, p.partition), reason(p.errorCode, p.errorMessage));
    }
  }
  return refusals;
}

/** Every ongoing reassignment of the cluster, by partitionKey. */
export async function ongoingMoves(connection: KafkaConnection): Promise<Map<string, { adding: number[]; removing: number[] }>> {
  const response = await onController(connection, (broker) => listPartitionReassignments(broker, { timeoutMs: TIMEOUT_MS, topics: null }));
  const error = kafkaError(response.errorCode, response.errorMessage);
  if (error) throw error;
  const moves = new Map<string, { adding: number[]; removing: number[] }>();
  for (const topic of response.topics) {
    for (const p of topic.partitions)
      moves.set(partitionKey(topic.name, p.partition), { adding: p.addingReplicas, removing: p.removingReplicas });
  }
  return moves;
}

/** Current replica lists of `topics` (a topic deleted meanwhile fails a targeted read: then all topics are read). */
async function replicaLists(connection: KafkaConnection, topics: string[]): Promise<Map<string, number[]>> {
  const fromTopics = (list: { name: string; partitions: { partition: number; replicas: number[] }[] }[]) =>
    new Map(list.flatMap((t) => t.partitions.map((p) => [partitionKey(t.name, p.partition), p.replicas] as const)));
  try {
    const { topicMetadata } = await onAnyBroker(connection, (broker) => broker.metadata(topics));
    return fromTopics(
      topicMetadata.map((t) => ({
        name: t.topic,
        partitions: t.partitionMetadata.map((p) => ({ partition: p.partitionId, replicas: p.replicas })),
      })),
    );
  } catch {
    return fromTopics((await readClusterMetadata(connection)).topics);
  }
}

/**
 * One monitoring reading of a job's topics. The replica lists are read after the ongoing moves, so a partition
 * that finished in between is never seen as "not moving, not yet placed". Sizes come from the cluster snapshot
 * (shared with the pages, at most `maxAgeMs` old): they only measure progress.
 */
export async function readObservation(
  connection: KafkaConnection,
  clusterId: string,
  topics: string[],
  maxAgeMs: number,
): Promise<Observation> {
  const snapshotRead = getClusterSnapshot(clusterId, { maxAgeMs });
  snapshotRead.catch(() => {}); // awaited below; sizes are optional, never an unhandled rejection meanwhile
  const reassigning = await ongoingMoves(connection);
  const replicas = await replicaLists(connection, topics);
  const replicaSizes = new Map<string, bigint>();
  const snapshot = await snapshotRead.catch(() => null);
  for (const broker of snapshot?.logDirs ?? []) {
    if ('error' in broker) continue;
    for (const dir of broker.logDirs) {
      for (const r of dir.partitions)
        if (!r.isFuture) replicaSizes.set(`${partitionKey(r.topic, r.partition)}@${broker.brokerId}`, BigInt(r.sizeBytes));
    }
  }
  return { at: Date.now(), reassigning, replicas, replicaSizes };
}
