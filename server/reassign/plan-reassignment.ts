import 'server-only';
import { ApiError } from '@/lib/errors';
import type { PlanRequest, PlanResponse } from '@/lib/schemas/reassignments';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { leaderSizes } from '@/server/cluster-state/topic-summary';
import { partitionKey } from '@/server/kafka/partition-key';
import { leaderChanges, movedReplicas, toReassignmentJson } from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
import { PlanError, type ClusterLayout } from '@/server/reassign/planner/types';

/**
 * A plan for the request on the cluster as it is now (a fresh snapshot): the tool's JSON to execute and to roll
 * back, the diff, replicas moved and bytes to copy (each added replica copies its partition's leader log). A plan
 * that cannot be satisfied is 422 with the planner's reason on the field it is about. Changes nothing.
 */
export async function planReassignmentFor(clusterId: string, request: PlanRequest): Promise<PlanResponse> {
  const snapshot = await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
  const layout: ClusterLayout = {
    brokers: snapshot.metadata.brokers.map((b) => ({ id: b.id, rack: b.rack })),
    topics: snapshot.metadata.topics.map((t) => ({
      name: t.name,
      internal: t.internal,
      partitions: t.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas })),
    })),
  };
  let changes;
  try {
    // Sorted as the plan's JSON is, so diff rows and `plan.partitions.<i>` refusals line up.
    changes = planReassignment(layout, request).sort((a, b) =>
      a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition,
    );
  } catch (error) {
    if (error instanceof PlanError) throw new ApiError('VALIDATION', error.message, { fieldErrors: { [error.field]: [error.message] } });
    throw error;
  }
  const sizes = leaderSizes(snapshot);
  const bytesToCopy = changes.reduce(
    (sum, c) => sum + (sizes.get(partitionKey(c.topic, c.partition)) ?? 0n) * BigInt(c.after.filter((b) => !c.before.includes(b)).length),
    0n,
  );
  return {
    plan: toReassignmentJson(changes, 'after'),
    rollback: toReassignmentJson(changes, 'before'),
    diff: changes.map(({ topic, partition, before, after }) => ({ topic, partition, before, after })),
    movedReplicas: movedReplicas(changes),
    bytesToCopy: bytesToCopy.toString(),
    leaderChanges: leaderChanges(changes),
  };
}
