import 'server-only';
import type { PlanRequest } from '@/lib/schemas/reassignments';
import { planDrain } from '@/server/reassign/planner/drain';
import { balanceLeaders } from '@/server/reassign/planner/leaders';
import { planRebalance } from '@/server/reassign/planner/rebalance';
import { planReplace } from '@/server/reassign/planner/replace';
import { planReplicationFactor } from '@/server/reassign/planner/replication-factor';
import { planScaleOut } from '@/server/reassign/planner/scale-out';
import { createPlanning, listOf, sameList, type PartitionRef, type Planning } from '@/server/reassign/planner/state';
import { PlanError, type ClusterLayout, type PlanChange } from '@/server/reassign/planner/types';

// Our own minimal-movement planner instead of kafka-reassign-partitions --generate, which re-places every partition
// from a random start broker (6 → 7 brokers with 60 partitions: ~100 replicas moved where 25 suffice). Placement
// keeps every replica that may stay; a reorder-only pass then evens out preferred leaders without copying data.

/**
 * The partitions a request covers, sorted by topic then partition. Named topics must exist. Without names, drain and
 * replace cover every topic, internal ones too (a drained broker must end up empty); scale-out leaves internal
 * topics where they are unless they are named.
 */
function resolveScope(state: Planning, request: PlanRequest): PartitionRef[] {
  if (request.topics) {
    const known = new Set(state.partitions.map((ref) => ref.topic));
    const unknown = [...new Set(request.topics)].filter((t) => !known.has(t));
    if (unknown.length > 0) throw new PlanError('topics', unknown.map((t) => `topic "${t}" does not exist`).join('; '));
    const named = new Set(request.topics);
    return state.partitions.filter((ref) => named.has(ref.topic));
  }
  return request.mode === 'scale-out' ? state.partitions.filter((ref) => !ref.internal) : [...state.partitions];
}

/** The partitions whose replica list changes; refusals throw PlanError. Same input, same plan. */
export function planReassignment(layout: ClusterLayout, request: PlanRequest): PlanChange[] {
  const state = createPlanning(layout);
  const scope = resolveScope(state, request);
  const distinct = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);
  switch (request.mode) {
    case 'drain':
      planDrain(state, scope, distinct(request.brokers));
      break;
    case 'scale-out':
      planScaleOut(state, scope, distinct(request.brokers));
      break;
    case 'replace':
      planReplace(state, scope, request.from, request.to);
      break;
    case 'rebalance':
      planRebalance(state, scope);
      break;
    case 'replication-factor':
      planReplicationFactor(state, scope, request.replicationFactor);
      break;
  }
  balanceLeaders(state, scope);
  const changes: PlanChange[] = [];
  for (const ref of scope) {
    const before = state.before.get(ref.key) ?? [];
    const after = listOf(state, ref.key);
    if (!sameList(before, after)) changes.push({ topic: ref.topic, partition: ref.partition, before: [...before], after: [...after] });
  }
  return changes;
}
