import 'server-only';
import {
  beforeOf,
  countOf,
  groupByTopic,
  listOf,
  promote,
  sameList,
  type PartitionRef,
  type Planning,
} from '@/server/reassign/planner/state';

// The reorder-only pass: permute replica lists (no data moves) so preferred leaders are even per topic, then across
// the cluster where that leaves a topic's balance as it is. Only live brokers count; a partition whose replicas[0] is
// down is left alone. Per topic this is a semi-matching of partitions to brokers: it is as even as possible (it
// minimises the largest count and every convex measure of spread) exactly when no chain of leader hand-overs leads
// from a broker u to a broker v with count(u) ≥ count(v) + 2 (Harvey, Ladner, Lovász, Tamir 2003). We apply such
// chains until none is left, each time the cheapest one in list edits.

/**
 * What handing the leadership of `ref` from x to y costs. 3: it reorders a list the plan left alone (one more list
 * changes and its leader changes); 1: the list changes anyway but loses its old leader; 0: otherwise (the leader has
 * changed already, or y is the old leader coming back).
 */
function handOverCost(state: Planning, ref: PartitionRef, x: number, y: number): number {
  const before = beforeOf(state, ref.key);
  if (sameList(listOf(state, ref.key), before)) return 3;
  if (y === before[0]) return 0;
  return x === before[0] ? 1 : 0;
}

type Step = { ref: PartitionRef; from: number; to: number };
type Led = Map<number, Set<PartitionRef>>;

function balanceTopic(state: Planning, refs: readonly PartitionRef[]): void {
  const count = new Map<number, number>();
  const led: Led = new Map();
  for (const ref of refs) for (const b of listOf(state, ref.key)) if (state.live.has(b)) count.set(b, countOf(count, b));
  for (const ref of refs) {
    const leader = listOf(state, ref.key)[0];
    if (leader === undefined || !state.live.has(leader)) continue;
    count.set(leader, countOf(count, leader) + 1);
    led.set(leader, (led.get(leader) ?? new Set()).add(ref));
  }
  const hosting = [...count.keys()];
  for (;;) {
    const low = Math.min(...hosting.map((b) => countOf(count, b)));
    const sources = [...hosting].sort(
      (a, b) => countOf(count, b) - countOf(count, a) || countOf(state.leads, b) - countOf(state.leads, a) || a - b,
    );
    let path: Step[] | undefined;
    for (const src of sources) {
      if (countOf(count, src) - low < 2) break;
      path = cheapestChain(state, src, count, led);
      if (path) break;
    }
    if (!path) return;
    for (const { ref, from, to } of path) {
      promote(state, ref.key, to);
      count.set(from, countOf(count, from) - 1);
      count.set(to, countOf(count, to) + 1);
      led.get(from)?.delete(ref);
      led.set(to, (led.get(to) ?? new Set()).add(ref));
    }
  }
}

/**
 * Dijkstra over brokers from `src`: an edge x → y is a partition led by x that has a replica on y. Returns the chain
 * to the cheapest reachable broker v with count(v) ≤ count(src) − 2 (ties: lower count, fewer leader slots overall,
 * lower id), as steps in order from src; undefined when there is none.
 */
function cheapestChain(state: Planning, src: number, count: ReadonlyMap<number, number>, led: Led): Step[] | undefined {
  const dist = new Map<number, number>([[src, 0]]);
  const via = new Map<number, Step>();
  const done = new Set<number>();
  for (;;) {
    let x: number | undefined;
    for (const [b, d] of dist)
      if (!done.has(b) && (x === undefined || d < (dist.get(x) ?? Infinity) || (d === dist.get(x) && b < x))) x = b;
    if (x === undefined) break;
    done.add(x);
    const dx = dist.get(x) ?? 0;
    for (const ref of led.get(x) ?? []) {
      for (const y of listOf(state, ref.key)) {
        if (y === x || !state.live.has(y) || done.has(y)) continue;
        const d = dx + handOverCost(state, ref, x, y);
        if (d < (dist.get(y) ?? Infinity)) {
          dist.set(y, d);
          via.set(y, { ref, from: x, to: y });
        }
      }
    }
  }
  const ceiling = countOf(count, src) - 2;
  const ends = [...dist.keys()].filter((v) => v !== src && countOf(count, v) <= ceiling);
  ends.sort(
    (a, b) =>
      (dist.get(a) ?? 0) - (dist.get(b) ?? 0) ||
      countOf(count, a) - countOf(count, b) ||
      countOf(state.leads, a) - countOf(state.leads, b) ||
      a - b,
  );
  const end = ends[0];
  if (end === undefined) return undefined;
  const steps: Step[] = [];
  for (let at = end; at !== src;) {
    const step = via.get(at);
    if (!step) throw new Error('planner: broken leader chain');
    steps.unshift(step);
    at = step.from;
  }
  return steps;
}

/**
 * Across topics: hand a partition's leadership from x to y when x leads exactly one more of that topic than y (the
 * topic's counts just swap, so its balance stays as it is) and x holds at least two more preferred-leader slots over
 * the whole cluster than y. Each hand-over lowers Σ slots², so this ends. Cheap edits first.
 */
function balanceAcrossTopics(state: Planning, byTopic: ReadonlyMap<string, PartitionRef[]>): void {
  for (const maxCost of [0, 1, 3]) {
    for (let changed = true; changed;) {
      changed = false;
      for (const refs of byTopic.values()) {
        const count = new Map<number, number>();
        for (const ref of refs) {
          const leader = listOf(state, ref.key)[0];
          if (leader !== undefined && state.live.has(leader)) count.set(leader, countOf(count, leader) + 1);
        }
        for (const ref of refs) {
          const list = listOf(state, ref.key);
          const x = list[0];
          if (x === undefined || !state.live.has(x)) continue;
          const y = list.find(
            (b) =>
              b !== x &&
              state.live.has(b) &&
              countOf(count, x) - countOf(count, b) === 1 &&
              countOf(state.leads, x) - countOf(state.leads, b) >= 2 &&
              handOverCost(state, ref, x, b) <= maxCost,
          );
          if (y === undefined) continue;
          promote(state, ref.key, y);
          count.set(x, countOf(count, x) - 1);
          count.set(y, countOf(count, y) + 1);
          changed = true;
        }
      }
    }
  }
}

/** The reorder-only pass over the planned scope; runs after placement in every mode. */
export function balanceLeaders(state: Planning, scope: readonly PartitionRef[]): void {
  const byTopic = groupByTopic(scope);
  for (const refs of byTopic.values()) balanceTopic(state, refs);
  balanceAcrossTopics(state, byTopic);
}
