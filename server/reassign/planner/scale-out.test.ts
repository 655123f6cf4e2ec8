import { describe, expect, it } from 'vitest';
import { leaderChanges, movedReplicas } from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
import { minimumScaleOutMoves } from '@/server/reassign/planner/scale-out';
import {
  applyPlan,
  brokers,
  kafkaPlacement,
  leaderCounts,
  leadersOptimal,
  narrowedPartitions,
  replicaCounts,
  spreadOf,
  topic,
  withinFloorCeil,
} from '@/test/support/planner-layouts';
import { PlanError, type ClusterLayout } from '@/server/reassign/planner/types';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Scale out `layout` onto `added` and check every promise; returns the numbers for the case's own assertions. */
function scaleOut(layout: ClusterLayout, added: number[]) {
  const changes = planReassignment(layout, { mode: 'scale-out', brokers: added });
  const after = applyPlan(layout, changes);
  const before = replicaCounts(layout);
  const counts = replicaCounts(after);
  for (const [b, c] of counts) {
    // Replicas only go onto the added brokers and only leave the others.
    if (added.includes(b)) expect(c).toBeGreaterThanOrEqual(before.get(b) ?? 0);
    else expect(c).toBeLessThanOrEqual(before.get(b) ?? 0);
  }
  expect(narrowedPartitions(layout, after)).toEqual([]);
  for (const t of after.topics) expect(leadersOptimal(after, t.name)).toBe(true);
  expect(planReassignment(layout, { mode: 'scale-out', brokers: added })).toEqual(changes);
  const minimum = minimumScaleOutMoves(
    before,
    layout.brokers.map((b) => b.id),
    added,
  );
  return { changes, after, counts, moved: movedReplicas(changes), minimum };
}

describe('scale-out', () => {
  it('3 → 4 brokers, 12 partitions RF 2 as Kafka placed them: 6 replicas move (the minimum), 6 per broker, 3 leaders each', () => {
    const layout = { brokers: brokers(ids(4)), topics: [topic('orders', kafkaPlacement(12, 2, brokers(ids(3))))] };
    const { moved, minimum, counts, after, changes } = scaleOut(layout, [4]);
    expect(minimum).toBe(6);
    expect(moved).toBe(6);
    expect([...counts.values()]).toEqual([6, 6, 6, 6]);
    expect([...leaderCounts(after, 'orders').values()].sort()).toEqual([3, 3, 3, 3]);
    // Every replica list that changes gets exactly one new replica; the others are not even reordered.
    expect(changes).toHaveLength(6);
    expect(leaderChanges(changes)).toBe(3);
  });

  it('racks a/a/b + a 4th broker in b: 6 replicas come off broker 3, its rack peer; rack a stays as Kafka left it', () => {
    // Kafka's rack-aware placement over 1(a), 2(a), 3(b) puts a b replica (always broker 3) in every partition.
    const layout = {
      brokers: brokers(ids(4), ['a', 'a', 'b', 'b']),
      topics: [topic('orders', kafkaPlacement(12, 2, brokers(ids(3), ['a', 'a', 'b'])))],
    };
    expect([...replicaCounts(layout).values()]).toEqual([4, 8, 12, 0]);
    const { moved, minimum, counts, changes } = scaleOut(layout, [4]);
    // Broker 1 is below q = 6, outside the invariant's precondition; broker 2 cannot shed onto 4 (rack b) without
    // leaving a partition in rack b only, and scale-out never moves between old brokers.
    expect(minimum).toBeUndefined();
    expect(moved).toBe(6);
    expect([...counts.values()]).toEqual([4, 8, 6, 6]);
    for (const c of changes) expect(c.after.map((b) => (b === 4 ? 3 : b)).sort()).toEqual([...c.before].sort());
  });

  it('racks a/a/b/b: 1(a) and 3(b) grow to four brokers; 12 moves (the minimum), each within its rack', () => {
    const layout = {
      brokers: brokers(ids(4), ['a', 'a', 'b', 'b']),
      topics: [topic('orders', kafkaPlacement(12, 2, brokers([1, 3], ['a', 'b'])))],
    };
    const { moved, minimum, counts, changes } = scaleOut(layout, [2, 4]);
    expect(minimum).toBe(12);
    expect(moved).toBe(12);
    expect([...counts.values()]).toEqual([6, 6, 6, 6]);
    const rackOf = (b: number) => (b <= 2 ? 'a' : 'b');
    for (const c of changes) expect(c.after.map(rackOf).sort()).toEqual(['a', 'b']);
  });

  it('6 → 7 brokers, 60 partitions RF 3: 25 replicas move where a fresh Kafka placement (--generate) moves 80 to 122', () => {
    const lists = kafkaPlacement(60, 3, brokers(ids(6)));
    const layout = { brokers: brokers(ids(7)), topics: [topic('events', lists)] };
    const { moved, minimum, counts, changes, after } = scaleOut(layout, [7]);
    // R = 180, B = 7: q = 25, r = 5; the six old brokers hold 30 each (k = 6 ≥ r), so broker 7 needs exactly q.
    expect(minimum).toBe(25);
    expect(moved).toBe(25);
    expect(withinFloorCeil(counts)).toBe(true);
    // Leaders: broker 7 must lead ⌊60/7⌋ = 8, and it takes them in lists that change anyway (25 lists, 8 leaders).
    expect(spreadOf(leaderCounts(after, 'events'))).toBe(1);
    expect(changes).toHaveLength(25);
    expect(leaderChanges(changes)).toBe(8);
    const generated: number[] = [];
    for (let start = 0; start < 7; start++) {
      for (let shift = 0; shift < 7; shift++) {
        const fresh = kafkaPlacement(60, 3, brokers(ids(7)), start, shift);
        generated.push(fresh.reduce((sum, replicas, p) => sum + replicas.filter((b) => !lists[p]?.includes(b)).length, 0));
      }
    }
    expect(Math.min(...generated)).toBeGreaterThanOrEqual(3 * moved);
  });

  it('the ceil variant: when fewer old brokers hold more than q than there are remainder slots, added brokers take q + 1', () => {
    // 9 replicas over 3 + 2 brokers: q = 1, r = 4, k = 3 → Σ (q − 0) + (r − k) = 2 + 1 = 3.
    const layout = { brokers: brokers(ids(5)), topics: [topic('t', kafkaPlacement(3, 3, brokers(ids(3))))] };
    const { moved, minimum, counts } = scaleOut(layout, [4, 5]);
    expect(minimum).toBe(3);
    expect(moved).toBe(3);
    expect(withinFloorCeil(counts)).toBe(true);
  });

  it('several topics and two new brokers: the minimum, floor/ceil over the scope, each topic spread too', () => {
    const old = brokers(ids(5));
    const layout = {
      brokers: brokers(ids(7)),
      topics: [
        topic('a', kafkaPlacement(30, 3, old, 1)),
        topic('b', kafkaPlacement(8, 2, old, 3)),
        topic('c', kafkaPlacement(50, 1, old, 4)),
      ],
    };
    const { moved, minimum, counts, after } = scaleOut(layout, [6, 7]);
    expect(moved).toBe(minimum);
    expect(withinFloorCeil(counts)).toBe(true);
    expect(replicaCounts(after, ['a']).get(6)).toBeGreaterThanOrEqual(12);
  });

  it('leaves internal topics alone unless they are named; moves nothing onto a broker already at its share', () => {
    const old = brokers(ids(3));
    const layout = {
      brokers: brokers(ids(4)),
      topics: [topic('__consumer_offsets', kafkaPlacement(6, 3, old), true), topic('orders', kafkaPlacement(12, 2, old))],
    };
    const plain = planReassignment(layout, { mode: 'scale-out', brokers: [4] });
    expect(plain.every((c) => c.topic === 'orders')).toBe(true);
    const named = planReassignment(layout, { mode: 'scale-out', brokers: [4], topics: ['__consumer_offsets'] });
    expect(named.every((c) => c.topic === '__consumer_offsets')).toBe(true);
    expect(movedReplicas(named)).toBe(minimumScaleOutMoves(replicaCounts(layout, ['__consumer_offsets']), ids(4), [4]));
    expect(planReassignment(applyPlan(layout, plain), { mode: 'scale-out', brokers: [4], topics: ['orders'] })).toEqual([]);
  });

  it('refuses a broker that is not live, and an unknown topic', () => {
    const layout = { brokers: brokers(ids(3)), topics: [topic('orders', kafkaPlacement(6, 2, brokers(ids(3))))] };
    expect(() => planReassignment(layout, { mode: 'scale-out', brokers: [4] })).toThrow(
      expect.objectContaining({ field: 'brokers', message: 'broker 4 is not live' }),
    );
    expect(() => planReassignment(layout, { mode: 'scale-out', brokers: [3], topics: ['nope'] })).toThrow(PlanError);
    expect(() => planReassignment(layout, { mode: 'scale-out', brokers: [3], topics: ['nope'] })).toThrow(
      expect.objectContaining({ field: 'topics' }),
    );
    expect(spreadOf(replicaCounts(layout))).toBe(0);
  });
});
