import type { PlanDiffRow, PlanResponse } from '@/lib/schemas/reassignments';

/** One broker id in a replica list: the preferred leader is the first; kept, added by the plan, or removed by it. */
export type ReplicaMark = { id: number; preferred: boolean; change: 'kept' | 'added' | 'removed' };

export type DiffCells = {
  /** The current list, with the replicas the plan removes marked. */
  before: ReplicaMark[];
  /** The planned list, with the replicas the plan adds marked. */
  after: ReplicaMark[];
  /** The preferred leader (replicas[0]) changes. */
  leaderChanged: boolean;
  /** The replica count changes (the replication-factor mode, or an imported plan). */
  countChanged: boolean;
};

/** What a diff row shows: before → after with added, removed and preferred replicas told apart. */
export function diffCells({ before, after }: Pick<PlanDiffRow, 'before' | 'after'>): DiffCells {
  return {
    before: before.map((id, i) => ({ id, preferred: i === 0, change: after.includes(id) ? 'kept' : 'removed' })),
    after: after.map((id, i) => ({ id, preferred: i === 0, change: before.includes(id) ? 'kept' : 'added' })),
    leaderChanged: before[0] !== after[0],
    countChanged: before.length !== after.length,
  };
}

/** A row's key, as the execute errors are keyed ("orders-3"). */
export const diffKey = (row: { topic: string; partition: number }) => `${row.topic}-${row.partition}`;

/** Partitions that change, topics they belong to, and how many change their replica count. */
export function planCounts(plan: Pick<PlanResponse, 'diff'>) {
  return {
    partitions: plan.diff.length,
    topics: new Set(plan.diff.map((d) => d.topic)).size,
    countChanges: plan.diff.filter((d) => d.before.length !== d.after.length).length,
  };
}

/** The diff in topic, partition order (the planner answers in its own order). */
export const sortedDiff = (diff: readonly PlanDiffRow[]) =>
  [...diff].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
