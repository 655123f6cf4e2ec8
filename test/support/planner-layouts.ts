// Test support for the planner's unit tests (not a test file itself): layouts placed the way Kafka places a new
// topic, and independent checks of the invariants the planner promises.
import { applyReassignment, toReassignmentJson } from '@/server/reassign/planner/output';
import type { ClusterLayout, LayoutBroker, LayoutTopic, PlanChange } from '@/server/reassign/planner/types';

export const brokers = (ids: readonly number[], racks?: readonly string[]): LayoutBroker[] =>
  ids.map((id, i) => ({ id, rack: racks?.[i] ?? null }));

export const topic = (name: string, lists: readonly number[][], internal = false): LayoutTopic => ({
  name,
  internal,
  partitions: lists.map((replicas, partition) => ({ partition, replicas: [...replicas] })),
});

const replicaIndex = (first: number, shift: number, j: number, n: number) => (first + 1 + ((shift + j) % (n - 1))) % n;

/** Kafka's rack-alternated broker order: one broker of each rack in turn, racks and brokers ascending. */
function rackAlternated(list: readonly LayoutBroker[]): number[] {
  const byRack = new Map<string, number[]>();
  for (const b of [...list].sort((x, y) => x.id - y.id)) byRack.set(b.rack ?? '', [...(byRack.get(b.rack ?? '') ?? []), b.id]);
  const racks = [...byRack.keys()].sort();
  const out: number[] = [];
  for (let i = 0; out.length < list.length; i++)
    for (const r of racks) {
      const id = byRack.get(r)?.[i];
      if (id !== undefined) out.push(id);
    }
  return out;
}

/**
 * Kafka's AdminUtils.assignReplicasToBrokers (ZooKeeper-era placement, still what --generate does) with a fixed
 * start index and replica shift instead of random ones; rack-aware when every broker has a rack.
 */
export function kafkaPlacement(partitions: number, rf: number, list: readonly LayoutBroker[], start = 0, shift = start): number[][] {
  const rackAware = list.every((b) => b.rack !== null);
  const ids = rackAware ? rackAlternated(list) : list.map((b) => b.id).sort((a, b) => a - b);
  const rackOf = new Map(list.map((b) => [b.id, b.rack]));
  const numRacks = new Set(list.map((b) => b.rack)).size;
  const n = ids.length;
  const out: number[][] = [];
  let nextShift = shift;
  for (let p = 0; p < partitions; p++) {
    if (p > 0 && p % n === 0) nextShift += 1;
    const first = (p + start) % n;
    const replicas = [ids[first] ?? -1];
    if (!rackAware) {
      for (let j = 0; j < rf - 1; j++) replicas.push(ids[replicaIndex(first, nextShift, j, n)] ?? -1);
    } else {
      const racks = new Set([rackOf.get(replicas[0] ?? -1)]);
      for (let j = 0, k = 0; j < rf - 1; j++) {
        for (;;) {
          const b = ids[replicaIndex(first, nextShift * numRacks, k++, n)] ?? -1;
          const rack = rackOf.get(b);
          if ((!racks.has(rack) || racks.size === numRacks) && (!replicas.includes(b) || replicas.length === n)) {
            replicas.push(b);
            racks.add(rack);
            break;
          }
        }
      }
    }
    out.push(replicas);
  }
  return out;
}

export const applyPlan = (layout: ClusterLayout, changes: readonly PlanChange[]) =>
  applyReassignment(layout, toReassignmentJson(changes, 'after'));

const scoped = (layout: ClusterLayout, topics?: readonly string[]) => layout.topics.filter((t) => !topics || topics.includes(t.name));

/** Replicas per live broker (0 for a live broker holding none) over the given topics, or all. */
export function replicaCounts(layout: ClusterLayout, topics?: readonly string[]): Map<number, number> {
  const counts = new Map(layout.brokers.map((b) => [b.id, 0]));
  for (const t of scoped(layout, topics))
    for (const p of t.partitions) for (const b of p.replicas) if (counts.has(b)) counts.set(b, (counts.get(b) ?? 0) + 1);
  return counts;
}

/** Whether every count is ⌊total/B⌋ or ⌈total/B⌉. */
export function withinFloorCeil(counts: ReadonlyMap<number, number>): boolean {
  const values = [...counts.values()];
  const total = values.reduce((a, b) => a + b, 0);
  const q = Math.floor(total / values.length);
  return values.every((v) => v === q || v === q + 1);
}

/** Fewest replica moves that bring counts to floor/ceil, moving from anyone to anyone (ceil slots to the fullest). */
export function minimumRebalanceMoves(counts: ReadonlyMap<number, number>): number {
  const values = [...counts.values()].sort((a, b) => b - a);
  const total = values.reduce((a, b) => a + b, 0);
  const q = Math.floor(total / values.length);
  const r = total % values.length;
  return values.reduce((sum, c, i) => sum + Math.max(0, c - (i < r ? q + 1 : q)), 0);
}

export const rackSpread = (layout: ClusterLayout, replicas: readonly number[]) =>
  new Set(replicas.map((b) => layout.brokers.find((x) => x.id === b)?.rack).filter((r) => r !== null && r !== undefined)).size;

/** Partitions whose rack spread dropped between two layouts of the same cluster. */
export function narrowedPartitions(before: ClusterLayout, after: ClusterLayout): string[] {
  const out: string[] = [];
  for (const t of before.topics) {
    const next = after.topics.find((x) => x.name === t.name);
    for (const p of t.partitions) {
      const q = next?.partitions.find((x) => x.partition === p.partition);
      if (q && rackSpread(after, q.replicas) < rackSpread(before, p.replicas)) out.push(`${t.name}-${p.partition}`);
    }
  }
  return out;
}

/** Preferred-leader counts of one topic per live broker hosting it. */
export function leaderCounts(layout: ClusterLayout, name: string): Map<number, number> {
  const live = new Set(layout.brokers.map((b) => b.id));
  const counts = new Map<number, number>();
  const t = layout.topics.find((x) => x.name === name);
  for (const p of t?.partitions ?? []) for (const b of p.replicas) if (live.has(b)) counts.set(b, counts.get(b) ?? 0);
  for (const p of t?.partitions ?? []) {
    const leader = p.replicas[0];
    if (leader !== undefined && live.has(leader)) counts.set(leader, (counts.get(leader) ?? 0) + 1);
  }
  return counts;
}

export const spreadOf = (counts: ReadonlyMap<number, number>) =>
  counts.size === 0 ? 0 : Math.max(...counts.values()) - Math.min(...counts.values());

/**
 * Independent check that a topic's preferred leaders are as even as its replica lists allow: no chain of leader
 * hand-overs (partition led by x with a replica on y) leads from u to v with count(u) ≥ count(v) + 2.
 */
export function leadersOptimal(layout: ClusterLayout, name: string): boolean {
  const live = new Set(layout.brokers.map((b) => b.id));
  const counts = leaderCounts(layout, name);
  const edges = new Map<number, Set<number>>();
  for (const p of layout.topics.find((x) => x.name === name)?.partitions ?? []) {
    const x = p.replicas[0];
    if (x === undefined || !live.has(x)) continue;
    for (const y of p.replicas) if (y !== x && live.has(y)) edges.set(x, (edges.get(x) ?? new Set()).add(y));
  }
  for (const [u, cu] of counts) {
    const seen = new Set([u]);
    const queue = [u];
    while (queue.length > 0) {
      const x = queue.shift() ?? u;
      if ((counts.get(x) ?? 0) <= cu - 2) return false;
      for (const y of edges.get(x) ?? [])
        if (!seen.has(y)) {
          seen.add(y);
          queue.push(y);
        }
    }
  }
  return true;
}
