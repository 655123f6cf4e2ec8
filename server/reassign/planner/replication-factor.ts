import 'server-only';
import { appendReplica, countOf, listOf, removeReplica, type PartitionRef, type Planning } from '@/server/reassign/planner/state';
import { byLoad, rackTier } from '@/server/reassign/planner/targets';
import { PlanError } from '@/server/reassign/planner/types';

/**
 * Change the replication factor of the scope's partitions, adding or removing as few replicas as possible.
 * Growing never narrows rack spread; shrinking may (fewer replicas cannot span more racks), so it drops duplicated
 * racks first. replicas[0] is never dropped: the target is ≥ 1, so a follower can always go instead.
 */
export function planReplicationFactor(state: Planning, scope: readonly PartitionRef[], replicationFactor: number): void {
  const live = state.liveIds.length;
  if (replicationFactor > live) {
    throw new PlanError(
      'replicationFactor',
      `replication factor ${replicationFactor} needs ${replicationFactor} live brokers; the cluster has ${live}`,
    );
  }
  for (const ref of scope) {
    const list = listOf(state, ref.key);
    while (list.length < replicationFactor) appendReplica(state, ref.key, nextReplica(state, list));
    while (list.length > replicationFactor) removeReplica(state, ref.key, replicaToDrop(state, list));
  }
}

/** A live broker the list lacks: a rack not yet present first, then the least loaded. */
function nextReplica(state: Planning, list: readonly number[]): number {
  const load = byLoad(state);
  const candidates = state.liveIds.filter((b) => !list.includes(b));
  candidates.sort((a, b) => rackTier(state, a, list) - rackTier(state, b, list) || load(a, b));
  const pick = candidates[0];
  // Unreachable: the factor is at most the number of live brokers, so one is always missing from a short list.
  if (pick === undefined) throw new Error('planner: no broker left to add a replica on');
  return pick;
}

/**
 * The index of the follower to drop: a broker that is down first, then one whose rack another replica also covers,
 * then the most loaded broker, then the one nearest the end of the list.
 */
function replicaToDrop(state: Planning, list: readonly number[]): number {
  const score = (i: number) => {
    const b = list[i] ?? -1;
    const rack = state.racks.get(b);
    const duplicated = rack === undefined || list.some((o, j) => j !== i && state.racks.get(o) === rack);
    return [state.live.has(b) ? 1 : 0, duplicated ? 0 : 1, -countOf(state.load, b), -i];
  };
  const indexes = list.map((_, i) => i).slice(1);
  indexes.sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let k = 0; k < sa.length; k++) if (sa[k] !== sb[k]) return (sa[k] ?? 0) - (sb[k] ?? 0);
    return 0;
  });
  const pick = indexes[0];
  if (pick === undefined) throw new Error('planner: cannot shrink a list of one replica');
  return pick;
}
