import 'server-only';
import { label, listOf, setReplica, type PartitionRef, type Planning } from '@/server/reassign/planner/state';
import { keepsSpread } from '@/server/reassign/planner/targets';
import { PlanError } from '@/server/reassign/planner/types';

const listed = (refs: readonly PartitionRef[]) => {
  const shown = refs.slice(0, 5).map(label).join(', ');
  return refs.length > 5 ? `${shown} and ${refs.length - 5} more` : shown;
};

/**
 * Replace `from` by `to` at the same position in every list that holds `from` (a preferred leader stays the
 * preferred leader). Every refusal is checked before anything is placed.
 */
export function planReplace(state: Planning, scope: readonly PartitionRef[], from: number, to: number): void {
  if (from === to) throw new PlanError('to', `broker ${to} is the broker being replaced; choose another one`);
  if (!state.live.has(to)) throw new PlanError('to', `broker ${to} is not live`);
  if (!state.known.has(from)) throw new PlanError('from', `broker ${from} is not part of this cluster`);
  const affected = scope.filter((ref) => listOf(state, ref.key).includes(from));
  const holding = affected.filter((ref) => listOf(state, ref.key).includes(to));
  if (holding.length > 0) throw new PlanError('to', `broker ${to} already holds a replica of ${listed(holding)}`);
  const substituted = (ref: PartitionRef) => listOf(state, ref.key).map((b) => (b === from ? to : b));
  const narrower = affected.filter((ref) => !keepsSpread(state, ref.key, substituted(ref)));
  if (narrower.length > 0) {
    const rack = state.racks.get(to) ?? 'no rack';
    throw new PlanError('to', `broker ${to} (${rack}) would leave ${listed(narrower)} spread over fewer racks`);
  }
  for (const ref of affected) setReplica(state, ref.key, listOf(state, ref.key).indexOf(from), to);
}
