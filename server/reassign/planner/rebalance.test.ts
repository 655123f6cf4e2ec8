import { describe, expect, it } from 'vitest';
import { leaderChanges, movedReplicas } from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
import {
  applyPlan,
  brokers,
  kafkaPlacement,
  leaderCounts,
  leadersOptimal,
  minimumRebalanceMoves,
  narrowedPartitions,
  replicaCounts,
  spreadOf,
  topic,
  withinFloorCeil,
} from '@/test/support/planner-layouts';
import type { ClusterLayout } from '@/server/reassign/planner/types';

const rebalance = (layout: ClusterLayout, topics: string[]) => planReassignment(layout, { mode: 'rebalance', topics });

describe('rebalance', () => {
  it('a topic crowded on 2 of 4 brokers: the fewest moves to floor/ceil, leaders even, the other topic untouched', () => {
    const lists = Array.from({ length: 12 }, (_, p) => (p % 2 === 0 ? [1, 2] : [2, 1]));
    const layout = {
      brokers: brokers([1, 2, 3, 4]),
      topics: [topic('crowded', lists), topic('other', kafkaPlacement(5, 2, brokers([1, 2, 3, 4])))],
    };
    const changes = rebalance(layout, ['crowded']);
    const after = applyPlan(layout, changes);
    expect(changes.every((c) => c.topic === 'crowded')).toBe(true);
    expect(minimumRebalanceMoves(replicaCounts(layout, ['crowded']))).toBe(12);
    expect(movedReplicas(changes)).toBe(12);
    expect([...replicaCounts(after, ['crowded']).values()]).toEqual([6, 6, 6, 6]);
    expect([...leaderCounts(after, 'crowded').values()]).toEqual([3, 3, 3, 3]);
    expect(rebalance(layout, ['crowded'])).toEqual(changes);
  });

  it('a topic Kafka placed evenly needs nothing', () => {
    const layout = { brokers: brokers([1, 2, 3, 4, 5]), topics: [topic('t', kafkaPlacement(20, 3, brokers([1, 2, 3, 4, 5]), 2))] };
    expect(rebalance(layout, ['t'])).toEqual([]);
  });

  it('preferred leaders piled on one broker: lists are only reordered, as few as possible, then 4 each', () => {
    // Every list starts with broker 1: 12 partitions over 3 brokers need 8 of them to hand over their leadership.
    const lists = Array.from({ length: 12 }, (_, p) => (p % 2 === 0 ? [1, 2, 3] : [1, 3, 2]));
    const layout = { brokers: brokers([1, 2, 3]), topics: [topic('t', lists)] };
    const changes = rebalance(layout, ['t']);
    expect(movedReplicas(changes)).toBe(0);
    expect(changes).toHaveLength(8);
    expect(leaderChanges(changes)).toBe(8);
    expect([...leaderCounts(applyPlan(layout, changes), 't').values()]).toEqual([4, 4, 4]);
  });

  it('racks a/a/b/b: a topic on brokers 1(a) and 3(b) spreads within each rack, every partition keeps both racks', () => {
    const four = brokers([1, 2, 3, 4], ['a', 'a', 'b', 'b']);
    const layout = { brokers: four, topics: [topic('t', kafkaPlacement(10, 2, brokers([1, 3], ['a', 'b'])))] };
    const changes = rebalance(layout, ['t']);
    const after = applyPlan(layout, changes);
    expect(narrowedPartitions(layout, after)).toEqual([]);
    expect(withinFloorCeil(replicaCounts(after, ['t']))).toBe(true);
    expect(movedReplicas(changes)).toBe(minimumRebalanceMoves(replicaCounts(layout, ['t'])));
    expect(leadersOptimal(after, 't')).toBe(true);
    expect(spreadOf(leaderCounts(after, 't'))).toBeLessThanOrEqual(1);
  });
});
