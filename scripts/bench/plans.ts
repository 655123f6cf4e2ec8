// Reassignment plans on the bench cluster: a rebalance of every non-internal topic (the planner over the whole
// cluster: replica spread, rack spread, then the leader pass), timed with its Kafka requests. Nothing is executed.
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { planReassignmentFor } from '@/server/reassign/plan-reassignment';
import { summarize, timed, type Sample } from './measure';

export async function measurePlans(clusterId: string, runs: number) {
  const snapshot = await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
  const topics = snapshot.metadata.topics.filter((t) => !t.internal).map((t) => t.name);
  const partitions = snapshot.metadata.topics.filter((t) => !t.internal).reduce((n, t) => n + t.partitions.length, 0);
  const samples: Sample[] = [];
  let last: Awaited<ReturnType<typeof planReassignmentFor>> | undefined;
  for (let i = 0; i < runs; i += 1) {
    samples.push(await timed(clusterId, async () => (last = await planReassignmentFor(clusterId, { mode: 'rebalance', topics }))));
  }
  return {
    rebalanceAllTopics: {
      topics: topics.length,
      partitions,
      ...summarize(samples),
      changedPartitions: last?.diff.length ?? 0,
      movedReplicas: last?.movedReplicas ?? 0,
      leaderChanges: last?.leaderChanges ?? 0,
    },
  };
}
