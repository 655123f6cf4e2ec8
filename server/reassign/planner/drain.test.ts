import { describe, expect, it } from 'vitest';
import { movedReplicas } from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
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
import type { ClusterLayout } from '@/server/reassign/planner/types';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const drain = (layout: ClusterLayout, drained: number[], topics?: string[]) =>
  planReassignment(layout, { mode: 'drain', brokers: drained, topics });

/** Replicas on the drained brokers over every partition (the exact number a drain must move). */
const onBrokers = (layout: ClusterLayout, drained: number[]) =>
  layout.topics.reduce((sum, t) => sum + t.partitions.reduce((s, p) => s + p.replicas.filter((b) => drained.includes(b)).length, 0), 0);

describe('drain', () => {
  it('4 → 3 brokers: exactly the replicas of broker 4 move, it ends empty, the rest end within floor/ceil, leaders even', () => {
    const layout = {
      brokers: brokers(ids(4)),
      topics: [
        topic('orders', kafkaPlacement(12, 2, brokers(ids(4)))),
        topic('__consumer_offsets', kafkaPlacement(10, 3, brokers(ids(4))), true),
      ],
    };
    const changes = drain(layout, [4]);
    const after = applyPlan(layout, changes);
    expect(movedReplicas(changes)).toBe(onBrokers(layout, [4]));
    expect(replicaCounts(after).get(4)).toBe(0);
    const rest = replicaCounts(after);
    rest.delete(4);
    expect(withinFloorCeil(rest)).toBe(true);
    for (const t of after.topics) {
      expect(leadersOptimal(after, t.name)).toBe(true);
      expect(spreadOf(leaderCounts(after, t.name))).toBeLessThanOrEqual(1);
    }
    // Every list keeps its length and every replica that was not on broker 4.
    for (const c of changes) {
      expect(c.after).toHaveLength(c.before.length);
      for (const b of c.before) if (b !== 4) expect(c.after).toContain(b);
    }
    expect(drain(layout, [4])).toEqual(changes);
  });

  it('racks a/a/b/b: broker 1 (a) hands every replica to broker 2, the other a broker; no partition loses a rack', () => {
    const four = brokers(ids(4), ['a', 'a', 'b', 'b']);
    const layout = { brokers: four, topics: [topic('orders', kafkaPlacement(12, 2, four))] };
    const changes = drain(layout, [1]);
    const after = applyPlan(layout, changes);
    expect(narrowedPartitions(layout, after)).toEqual([]);
    for (const c of changes) expect(c.after.filter((b) => !c.before.includes(b))).toEqual([2]);
  });

  it('two brokers at once, and a broker that is down (only in replica lists)', () => {
    const layout = { brokers: brokers([1, 2, 3, 4]), topics: [topic('t', kafkaPlacement(20, 2, brokers(ids(5))))] };
    const changes = drain(layout, [4, 5]);
    const after = applyPlan(layout, changes);
    expect(movedReplicas(changes)).toBe(onBrokers(layout, [4, 5]));
    expect(replicaCounts(after).get(4)).toBe(0);
    expect(after.topics[0]?.partitions.every((p) => !p.replicas.includes(5) && new Set(p.replicas).size === 2)).toBe(true);
  });

  it('only the named topics when topics are given', () => {
    const layout = {
      brokers: brokers(ids(4)),
      topics: [topic('a', kafkaPlacement(8, 2, brokers(ids(4)))), topic('b', kafkaPlacement(8, 2, brokers(ids(4))))],
    };
    const changes = drain(layout, [4], ['a']);
    expect(new Set(changes.map((c) => c.topic))).toEqual(new Set(['a']));
    expect(replicaCounts(applyPlan(layout, changes), ['a']).get(4)).toBe(0);
  });

  it('refuses when a replication factor no longer fits, a broker foreign to the cluster, and a rack that cannot be kept', () => {
    const layout = { brokers: brokers(ids(3)), topics: [topic('orders', kafkaPlacement(6, 3, brokers(ids(3))))] };
    expect(() => drain(layout, [3])).toThrow(
      expect.objectContaining({ field: 'brokers', message: 'topic orders has replication factor 3; only 2 brokers would remain' }),
    );
    expect(() => drain(layout, [2, 3])).toThrow(
      expect.objectContaining({ message: 'topic orders has replication factor 3; only 1 broker would remain' }),
    );
    expect(() => drain(layout, [9])).toThrow(
      expect.objectContaining({ field: 'brokers', message: 'broker 9 is not part of this cluster' }),
    );
    const racked = brokers(ids(4), ['a', 'a', 'b', 'c']);
    const spread = {
      brokers: racked,
      topics: [
        topic('t', [
          [1, 3, 4],
          [2, 4, 3],
        ]),
      ],
    };
    expect(() => drain(spread, [4])).toThrow(
      expect.objectContaining({
        field: 'brokers',
        message: expect.stringContaining('t-0 cannot leave broker 4 without losing rack spread'),
      }),
    );
  });
});
