import 'server-only';
import { partitionKey } from '@/server/kafka/partition-key';
import type { ClusterLayout } from '@/server/reassign/planner/types';

// The planner's working state: every partition's replica list as it evolves, and the cluster-wide counts that
// target choices depend on. Every mutation goes through the helpers below so the counts never drift from the lists.

export type PartitionRef = { key: string; topic: string; partition: number; internal: boolean };

export type Planning = {
  /** Live broker ids, ascending (the order ties fall back to). */
  liveIds: readonly number[];
  live: ReadonlySet<number>;
  /** Racks of the live brokers that have one; a broker that is down has no known rack. */
  racks: ReadonlyMap<number, string>;
  /** Every partition of the cluster, sorted by topic then partition. */
  partitions: readonly PartitionRef[];
  /** Every broker id that is live or holds a replica (a down broker still counts as part of the cluster). */
  known: ReadonlySet<number>;
  before: ReadonlyMap<string, readonly number[]>;
  lists: Map<string, number[]>;
  /** Replicas per broker over the whole cluster, as planning goes. */
  load: Map<number, number>;
  /** Preferred-leader slots (replicas[0]) per broker over the whole cluster, as planning goes. */
  leads: Map<number, number>;
};

const bump = (counts: Map<number, number>, broker: number | undefined, by: number) => {
  if (broker !== undefined) counts.set(broker, (counts.get(broker) ?? 0) + by);
};
export const countOf = (counts: ReadonlyMap<number, number>, broker: number) => counts.get(broker) ?? 0;

export function createPlanning(layout: ClusterLayout): Planning {
  // Sorted copies: the plan must not depend on the order Metadata happened to list things in.
  const liveIds = [...new Set(layout.brokers.map((b) => b.id))].sort((a, b) => a - b);
  const racks = new Map<number, string>();
  for (const b of layout.brokers) if (b.rack !== null) racks.set(b.id, b.rack);
  const partitions: PartitionRef[] = [];
  const before = new Map<string, readonly number[]>();
  const lists = new Map<string, number[]>();
  const load = new Map<number, number>();
  const leads = new Map<number, number>();
  const known = new Set(liveIds);
  const topics = [...layout.topics].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const topic of topics) {
    for (const p of [...topic.partitions].sort((a, b) => a.partition - b.partition)) {
      const key = partitionKey(topic.name, p.partition);
      partitions.push({ key, topic: topic.name, partition: p.partition, internal: topic.internal });
      before.set(key, [...p.replicas]);
      lists.set(key, [...p.replicas]);
      for (const b of p.replicas) {
        bump(load, b, 1);
        known.add(b);
      }
      bump(leads, p.replicas[0], 1);
    }
  }
  return { liveIds, live: new Set(liveIds), racks, partitions, known, before, lists, load, leads };
}

export function listOf(state: Planning, key: string): number[] {
  const list = state.lists.get(key);
  if (!list) throw new Error(`planner: unknown partition ${key}`);
  return list;
}

export function beforeOf(state: Planning, key: string): readonly number[] {
  return state.before.get(key) ?? [];
}

/** Puts `broker` at `index` in place of the replica there (a leader's replacement becomes the leader). */
export function setReplica(state: Planning, key: string, index: number, broker: number): void {
  const list = listOf(state, key);
  bump(state.load, list[index], -1);
  if (index === 0) bump(state.leads, list[0], -1);
  list[index] = broker;
  bump(state.load, broker, 1);
  if (index === 0) bump(state.leads, broker, 1);
}

export function appendReplica(state: Planning, key: string, broker: number): void {
  const list = listOf(state, key);
  list.push(broker);
  bump(state.load, broker, 1);
  if (list.length === 1) bump(state.leads, broker, 1);
}

export function removeReplica(state: Planning, key: string, index: number): void {
  const list = listOf(state, key);
  bump(state.leads, list[0], -1);
  bump(state.load, list[index], -1);
  list.splice(index, 1);
  bump(state.leads, list[0], 1);
}

/** Makes `broker` (already in the list) the preferred leader; the others keep their order. No data moves. */
export function promote(state: Planning, key: string, broker: number): void {
  const list = listOf(state, key);
  const at = list.indexOf(broker);
  if (at <= 0) return;
  bump(state.leads, list[0], -1);
  list.splice(at, 1);
  list.unshift(broker);
  bump(state.leads, broker, 1);
}

export const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
export const label = (ref: { topic: string; partition: number }) => `${ref.topic}-${ref.partition}`;

export function groupByTopic(refs: readonly PartitionRef[]): Map<string, PartitionRef[]> {
  const byTopic = new Map<string, PartitionRef[]>();
  for (const ref of refs) {
    const group = byTopic.get(ref.topic);
    if (group) group.push(ref);
    else byTopic.set(ref.topic, [ref]);
  }
  return byTopic;
}
