import 'server-only';
import { countOf, type PartitionRef, type Planning } from '@/server/reassign/planner/state';
import { spread } from '@/server/reassign/planner/spread';
import { PlanError } from '@/server/reassign/planner/types';

/**
 * Scale out: fill the added (live) brokers up to their fair share of the scope's replicas, moving replicas only
 * onto them and only off the other brokers, most loaded first.
 *
 * Invariant (R replicas of the scope on live brokers, B live brokers, q = ⌊R/B⌋, r = R mod B, c(b) a broker's count
 * before the plan, k = #{other brokers with c > q}, A = #added brokers). Precondition: every other broker holds ≥ q,
 * every added broker ≤ q, and r − k ≤ A — the normal case of adding empty brokers to a balanced cluster. Then, when
 * racks do not forbid a move, the plan ends with every live broker at q or q+1 and moves exactly
 *     minimumScaleOutMoves = Σ_{n ∈ added} (q − c(n)) + max(0, r − k).
 * Why it is the minimum: a final state within floor/ceil has exactly r brokers at q+1. Say s of them are added
 * brokers; the plan then moves Σ (q − c(n)) + s replicas. The other r − s are old brokers that kept a (q+1)-th
 * replica, and old brokers can only shed, so r − s ≤ k, i.e. s ≥ r − k; s ≤ A makes it reachable. With r ≤ k this
 * is Σ (q − c(n)), the floor variant; otherwise r − k added brokers take q + 1, the ceil variant.
 * Outside the precondition floor/ceil cannot be reached by moving only onto the added brokers (an old broker below
 * q cannot receive; with r − k > A too many old brokers sit at exactly q); the plan then stops when no old broker
 * holds 2 or more replicas more than an added one.
 */
export function planScaleOut(state: Planning, scope: readonly PartitionRef[], brokers: readonly number[]): void {
  const notLive = brokers.filter((b) => !state.live.has(b));
  if (notLive.length > 0) throw new PlanError('brokers', notLive.map((b) => `broker ${b} is not live`).join('; '));
  const added = new Set(brokers);
  spread(state, {
    refs: scope,
    sources: state.liveIds.filter((b) => !added.has(b)),
    targets: state.liveIds.filter((b) => added.has(b)),
  });
}

/**
 * The invariant above as a number, from per-broker counts of the scope's replicas (live brokers only); undefined
 * outside its precondition, where floor/ceil is not reachable by moving onto the added brokers alone.
 */
export function minimumScaleOutMoves(
  counts: ReadonlyMap<number, number>,
  liveIds: readonly number[],
  added: readonly number[],
): number | undefined {
  const isAdded = new Set(added);
  const total = liveIds.reduce((sum, b) => sum + countOf(counts, b), 0);
  const q = Math.floor(total / liveIds.length);
  const r = total % liveIds.length;
  const others = liveIds.filter((b) => !isAdded.has(b));
  const newcomers = liveIds.filter((b) => isAdded.has(b));
  if (others.some((b) => countOf(counts, b) < q) || newcomers.some((b) => countOf(counts, b) > q)) return undefined;
  const k = others.filter((b) => countOf(counts, b) > q).length;
  if (r - k > newcomers.length) return undefined;
  return newcomers.reduce((sum, b) => sum + q - countOf(counts, b), 0) + Math.max(0, r - k);
}
