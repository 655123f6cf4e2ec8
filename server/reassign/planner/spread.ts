import 'server-only';
import { beforeOf, countOf, listOf, setReplica, type PartitionRef, type Planning } from '@/server/reassign/planner/state';
import { byLoad, rackSpread, rackTier } from '@/server/reassign/planner/targets';

// The replica mover behind scale-out and rebalance. Counts are over the pool's partitions only, on live brokers
// (replicas on a broker that is down are neither counted nor moved). One replica at a time goes from the most
// loaded source to the least loaded target while the two differ by at least 2, so every move lowers Σ count² and
// it stops as soon as no source holds 2 more than a target: without rack constraints that is the fewest moves that
// reach floor/ceil (scale-out.ts states the exact number; the tests check it on fixed and random layouts).

export type SpreadPool = {
  refs: readonly PartitionRef[];
  /** Brokers replicas may leave. */
  sources: readonly number[];
  /** Brokers replicas may go to. */
  targets: readonly number[];
};

/** A pool partition with its live list and its topic's per-broker counts (held directly: this loop is hot). */
type Entry = { ref: PartitionRef; list: number[]; spreadBefore: number; topicCounts: Map<number, number>; topicLeads: Map<number, number> };
/** A candidate move, ranked by: the topic gap it closes, rack tier, what it does to leadership, topic, partition. */
type Move = { entry: Entry; index: number; gap: number; tier: number; leader: number };

const better = (gap: number, tier: number, leader: number, ref: PartitionRef, b: Move) =>
  gap !== b.gap
    ? gap < b.gap
    : tier !== b.tier
      ? tier < b.tier
      : leader !== b.leader
        ? leader < b.leader
        : ref.topic !== b.entry.ref.topic
          ? ref.topic < b.entry.ref.topic
          : ref.partition < b.entry.ref.partition;

export function spread(state: Planning, pool: SpreadPool): void {
  const count = new Map<number, number>();
  /** Per broker, its pool partitions by topic: a move's first criterion is per topic, so most topics are ruled out at once. */
  const held = new Map<number, Map<string, Set<Entry>>>();
  const perTopic = new Map<string, Map<number, number>>();
  const leadsPerTopic = new Map<string, Map<number, number>>();
  const track = (entry: Entry, b: number, by: 1 | -1) => {
    count.set(b, countOf(count, b) + by);
    entry.topicCounts.set(b, countOf(entry.topicCounts, b) + by);
    const topics = held.get(b) ?? new Map<string, Set<Entry>>();
    held.set(b, topics);
    const entries = topics.get(entry.ref.topic) ?? new Set<Entry>();
    topics.set(entry.ref.topic, entries);
    if (by > 0) entries.add(entry);
    else entries.delete(entry);
  };
  for (const ref of pool.refs) {
    const topicCounts = perTopic.get(ref.topic) ?? new Map<number, number>();
    perTopic.set(ref.topic, topicCounts);
    const topicLeads = leadsPerTopic.get(ref.topic) ?? new Map<number, number>();
    leadsPerTopic.set(ref.topic, topicLeads);
    const entry = { ref, list: listOf(state, ref.key), spreadBefore: rackSpread(state, beforeOf(state, ref.key)), topicCounts, topicLeads };
    for (const b of entry.list) if (state.live.has(b)) track(entry, b, 1);
    const leader = entry.list[0];
    if (leader !== undefined) topicLeads.set(leader, countOf(topicLeads, leader) + 1);
  }

  const racked = state.racks.size > 0;
  /** The partition whose replica on `src` goes to `dst`: keeps rack spread; evens out the topic first. */
  const bestMove = (src: number, dst: number): Move | undefined => {
    // Topics by the gap a move would close (dst's count minus src's count of that topic), smallest first.
    const byGap = new Map<number, Set<Entry>[]>();
    for (const entries of held.get(src)?.values() ?? []) {
      const first = entries.values().next().value;
      if (!first) continue;
      const gap = countOf(first.topicCounts, dst) - countOf(first.topicCounts, src);
      const group = byGap.get(gap);
      if (group) group.push(entries);
      else byGap.set(gap, [entries]);
    }
    for (const gap of [...byGap.keys()].sort((a, b) => a - b)) {
      let best: Move | undefined;
      for (const entries of byGap.get(gap) ?? []) {
        for (const entry of entries) {
          const { list, topicLeads } = entry;
          if (list.includes(dst)) continue;
          const index = list.indexOf(src);
          let tier = 2;
          if (racked) {
            if (rackSpread(state, list, index, dst) < entry.spreadBefore) continue;
            tier = rackTier(
              state,
              dst,
              list.filter((_, i) => i !== index),
              src,
            );
          }
          // Moving src's leader slot hands dst the leadership in a list that changes anyway: best when that evens
          // the topic's leaders out, worst when not; a follower sits in between (the leader pass reorders later).
          const leader = index !== 0 ? 1 : countOf(topicLeads, src) - countOf(topicLeads, dst) >= 2 ? 0 : 2;
          if (!best || better(gap, tier, leader, entry.ref, best)) best = { entry, index, gap, tier, leader };
        }
      }
      if (best) return best;
    }
    return undefined;
  };

  const load = byLoad(state);
  for (;;) {
    const sources = [...pool.sources].sort((a, b) => countOf(count, b) - countOf(count, a) || load(b, a));
    const found = findMove(state, sources, pool.targets, count, bestMove);
    if (!found) return;
    const { move, src, dst } = found;
    track(move.entry, src, -1);
    setReplica(state, move.entry.ref.key, move.index, dst);
    track(move.entry, dst, 1);
    if (move.index === 0) {
      const { topicLeads } = move.entry;
      topicLeads.set(src, countOf(topicLeads, src) - 1).set(dst, countOf(topicLeads, dst) + 1);
    }
  }
}

/**
 * The first pair (most loaded source, least loaded target) with a possible move. Among targets of equal count, one
 * in the source's rack comes first: that move always keeps rack spread, and trying it first spares scanning every
 * partition of the source for a cross-rack move that spread forbids.
 */
function findMove(
  state: Planning,
  sources: readonly number[],
  targets: readonly number[],
  count: ReadonlyMap<number, number>,
  bestMove: (src: number, dst: number) => Move | undefined,
): { move: Move; src: number; dst: number } | undefined {
  const load = byLoad(state);
  for (const src of sources) {
    const rack = state.racks.get(src);
    const otherRack = (b: number) => (rack !== undefined && state.racks.get(b) === rack ? 0 : 1);
    const ordered = [...targets].sort((a, b) => countOf(count, a) - countOf(count, b) || otherRack(a) - otherRack(b) || load(a, b));
    for (const dst of ordered) {
      if (countOf(count, src) - countOf(count, dst) < 2) break;
      if (src === dst) continue;
      const move = bestMove(src, dst);
      if (move) return { move, src, dst };
    }
  }
  return undefined;
}
