import 'server-only';
import { countOf, label, listOf, setReplica, type PartitionRef, type Planning } from '@/server/reassign/planner/state';
import { byLoad, keepsSpread, pickReplacement, rackSpread, rackTier } from '@/server/reassign/planner/targets';
import { PlanError } from '@/server/reassign/planner/types';

const brokersLeft = (n: number) => (n === 1 ? 'only 1 broker would remain' : `only ${n} brokers would remain`);

/**
 * Scale in: every replica on `brokers` moves to a live broker outside the set that the partition does not hold yet,
 * at the same position in the list. Nothing else moves, so the replicas moved are exactly those on the drained
 * brokers. A drained broker may be down (its replicas still need a home) but must belong to the cluster.
 */
export function planDrain(state: Planning, scope: readonly PartitionRef[], brokers: readonly number[]): void {
  const unknown = brokers.filter((b) => !state.known.has(b));
  if (unknown.length > 0) throw new PlanError('brokers', unknown.map((b) => `broker ${b} is not part of this cluster`).join('; '));
  const drained = new Set(brokers);
  const remaining = state.liveIds.filter((b) => !drained.has(b)).length;
  const affected = scope.filter((ref) => listOf(state, ref.key).some((b) => drained.has(b)));
  // Refuse up front, one reason per topic, before placing anything.
  const tooWide = new Map<string, number>();
  for (const ref of affected) {
    const list = listOf(state, ref.key);
    const rf = list.length;
    // Replicas on a broker that is down and not drained stay where they are; the others need distinct live homes.
    const needHomes = list.filter((b) => drained.has(b) || state.live.has(b)).length;
    if (needHomes > remaining) tooWide.set(ref.topic, Math.max(rf, tooWide.get(ref.topic) ?? 0));
  }
  if (tooWide.size > 0) {
    const reasons = [...tooWide].map(([topic, rf]) => `topic ${topic} has replication factor ${rf}; ${brokersLeft(remaining)}`);
    throw new PlanError('brokers', reasons.join('; '));
  }
  const slots: Slot[] = [];
  for (const ref of affected) {
    const list = listOf(state, ref.key);
    list.forEach((broker, index) => {
      if (!drained.has(broker)) return;
      const target = pickReplacement(state, ref.key, list, index, drained);
      if (target === undefined) {
        const spread = rackSpread(state, list);
        throw new PlanError(
          'brokers',
          `${label(ref)} cannot leave broker ${broker} without losing rack spread (its replicas span ${spread} racks)`,
        );
      }
      setReplica(state, ref.key, index, target);
      slots.push({ ref, index, replaced: broker });
    });
  }
  evenOut(state, slots, drained);
}

/** A replica the drain placed: where it is, and the drained broker it replaces. */
type Slot = { ref: PartitionRef; index: number; replaced: number };

/**
 * One partition at a time, the least loaded broker may not be free for every partition (it may hold a replica
 * already), so greedy placement can end uneven. Re-home placed replicas (never the others: the number of moves stays
 * exactly the drained replicas) from a broker to one holding at least 2 fewer replicas overall, when the partition
 * keeps its rack spread and the new home is in as good a rack tier. Each re-homing lowers Σ load², so this ends.
 */
function evenOut(state: Planning, slots: readonly Slot[], drained: ReadonlySet<number>): void {
  const homes = state.liveIds.filter((b) => !drained.has(b));
  const at = (slot: Slot) => listOf(state, slot.ref.key)[slot.index] ?? -1;
  const tier = (slot: Slot, b: number) =>
    rackTier(
      state,
      b,
      listOf(state, slot.ref.key).filter((_, i) => i !== slot.index),
      slot.replaced,
    );
  const fits = (slot: Slot, y: number) => {
    const list = listOf(state, slot.ref.key);
    if (list.includes(y) || tier(slot, y) > tier(slot, at(slot))) return false;
    return keepsSpread(state, slot.ref.key, list, slot.index, y);
  };
  const load = (b: number) => countOf(state.load, b);
  const placedOn = new Map<number, Set<Slot>>();
  const place = (slot: Slot, b: number) => placedOn.set(b, (placedOn.get(b) ?? new Set()).add(slot));
  for (const slot of slots) place(slot, at(slot));
  for (let moved = true; moved;) {
    moved = false;
    const fullest = [...homes].sort((a, b) => load(b) - load(a) || a - b);
    const emptiest = [...homes].sort(byLoad(state));
    search: for (const x of fullest) {
      for (const y of emptiest) {
        if (load(x) - load(y) < 2) break;
        const slot = [...(placedOn.get(x) ?? [])].find((s) => fits(s, y));
        if (!slot) continue;
        setReplica(state, slot.ref.key, slot.index, y);
        placedOn.get(x)?.delete(slot);
        place(slot, y);
        moved = true;
        break search;
      }
    }
  }
}
