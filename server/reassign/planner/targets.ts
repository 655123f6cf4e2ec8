import 'server-only';
import { beforeOf, countOf, type Planning } from '@/server/reassign/planner/state';

// Rack spread and the order in which candidate brokers are tried. Rack spread = the number of distinct racks among
// a partition's replicas; brokers without a rack (or down, rack unknown) add nothing. A plan never lowers it below
// the partition's spread before the plan, so a cluster without racks has no rack constraint at all.

/**
 * Distinct racks among `replicas`, with the replica at `index` (if any) taken as `swapIn`. Lists are a handful of
 * brokers long, so a quadratic scan without allocation beats a Set: the replica movers call this in their hot loop.
 */
export function rackSpread(state: Planning, replicas: readonly number[], index = -1, swapIn = -1): number {
  if (state.racks.size === 0) return 0;
  let spread = 0;
  for (let i = 0; i < replicas.length; i++) {
    const rack = state.racks.get(i === index ? swapIn : (replicas[i] ?? -1));
    if (rack === undefined) continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = state.racks.get(j === index ? swapIn : (replicas[j] ?? -1)) === rack;
    if (!seen) spread++;
  }
  return spread;
}

/** Each partition's spread before the plan, computed once per planning. */
const spreadsBefore = new WeakMap<Planning, Map<string, number>>();

function spreadBefore(state: Planning, key: string): number {
  const known = spreadsBefore.get(state) ?? new Map<string, number>();
  spreadsBefore.set(state, known);
  let spread = known.get(key);
  if (spread === undefined) known.set(key, (spread = rackSpread(state, beforeOf(state, key))));
  return spread;
}

/** Whether partition `key` keeps at least the spread it had before the plan with `replicas` (its index-th swapped). */
export const keepsSpread = (state: Planning, key: string, replicas: readonly number[], index = -1, swapIn = -1) =>
  state.racks.size === 0 || rackSpread(state, replicas, index, swapIn) >= spreadBefore(state, key);

/** Least loaded over the whole cluster first, then fewer preferred-leader slots, then the lower id. */
export const byLoad = (state: Planning) => (a: number, b: number) =>
  countOf(state.load, a) - countOf(state.load, b) || countOf(state.leads, a) - countOf(state.leads, b) || a - b;

/**
 * 0 when `target` is in the rack of the replica it replaces (`replaced`, if known), 1 when its rack is not yet among
 * `others` (the rest of the list), 2 otherwise. Lower is preferred: same-rack substitution keeps every rack's share
 * of the partition as it was; a new rack widens the spread.
 */
export function rackTier(state: Planning, target: number, others: readonly number[], replaced?: number): number {
  const rack = state.racks.get(target);
  if (rack === undefined) return 2;
  if (replaced !== undefined && state.racks.get(replaced) === rack) return 0;
  return others.some((b) => state.racks.get(b) === rack) ? 2 : 1;
}

/**
 * The broker to take the replica at `index` of partition `key`: live, not excluded, not already in the list, keeping
 * the rack spread; preferred by rack tier, then by load. undefined when no broker qualifies.
 */
export function pickReplacement(
  state: Planning,
  key: string,
  list: readonly number[],
  index: number,
  excluded: ReadonlySet<number>,
): number | undefined {
  const replaced = list[index];
  const others = list.filter((_, i) => i !== index);
  const tierOf = new Map<number, number>();
  const candidates = state.liveIds.filter((b) => {
    if (excluded.has(b) || list.includes(b)) return false;
    if (!keepsSpread(state, key, list, index, b)) return false;
    tierOf.set(b, rackTier(state, b, others, replaced));
    return true;
  });
  const load = byLoad(state);
  candidates.sort((a, b) => (tierOf.get(a) ?? 2) - (tierOf.get(b) ?? 2) || load(a, b));
  return candidates[0];
}
