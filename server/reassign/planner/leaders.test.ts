import { describe, expect, it } from 'vitest';
import { leaderChanges } from '@/server/reassign/planner/output';
import { balanceLeaders } from '@/server/reassign/planner/leaders';
import { planReassignment } from '@/server/reassign/planner/plan';
import { createPlanning, listOf } from '@/server/reassign/planner/state';
import { applyPlan, brokers, kafkaPlacement, leaderCounts, leadersOptimal, spreadOf, topic } from '@/test/support/planner-layouts';

// The reorder-only pass, seen through rebalance (where leaders are the main point) and the other modes.

describe('preferred leader balance', () => {
  it('a layout already balanced is not touched', () => {
    const five = brokers([1, 2, 3, 4, 5]);
    const layout = { brokers: five, topics: [topic('a', kafkaPlacement(10, 3, five)), topic('b', kafkaPlacement(5, 2, five, 3))] };
    expect(planReassignment(layout, { mode: 'rebalance', topics: ['a', 'b'] })).toEqual([]);
  });

  it('as even as the lists allow when it cannot reach max − min ≤ 1, without moving data', () => {
    // Broker 1 is in every list, brokers 2 and 3 only in one each: the best is 1 → 4, 2 → 1, 3 → 1.
    // The pass on its own (rebalance would first move replicas here).
    const layout = { brokers: brokers([1, 2, 3]), topics: [topic('t', [[1, 2], [1, 3], [1], [1], [1], [1]])] };
    const state = createPlanning(layout);
    balanceLeaders(state, state.partitions);
    const after = {
      ...layout,
      topics: [
        topic(
          't',
          state.partitions.map((ref) => listOf(state, ref.key)),
        ),
      ],
    };
    expect(after.topics[0]?.partitions.map((p) => p.replicas)).toEqual([[2, 1], [3, 1], [1], [1], [1], [1]]);
    expect([...leaderCounts(after, 't')].sort()).toEqual([
      [1, 4],
      [2, 1],
      [3, 1],
    ]);
    expect(leadersOptimal(after, 't')).toBe(true);
  });

  it('takes a chain of hand-overs when no single one helps', () => {
    // 1 leads 3 and shares a partition only with 2; 2 shares one with 3, which leads none.
    const layout = {
      brokers: brokers([1, 2, 3]),
      topics: [
        topic('t', [
          [1, 2],
          [1, 2],
          [1, 2],
          [2, 3],
          [2, 3],
        ]),
      ],
    };
    const after = applyPlan(layout, planReassignment(layout, { mode: 'rebalance', topics: ['t'] }));
    expect(spreadOf(leaderCounts(after, 't'))).toBeLessThanOrEqual(1);
    expect(leadersOptimal(after, 't')).toBe(true);
  });

  it('evens out leaders across topics where each topic stays balanced: 4 one-partition topics led by broker 1', () => {
    const layout = { brokers: brokers([1, 2]), topics: ['a', 'b', 'c', 'd'].map((name) => topic(name, [[1, 2]])) };
    const changes = planReassignment(layout, { mode: 'rebalance', topics: ['a', 'b', 'c', 'd'] });
    expect(leaderChanges(changes)).toBe(2);
    expect(changes.map((c) => c.after[0])).toEqual([2, 2]);
  });

  it('a partition led by a broker that is down is left to Kafka', () => {
    const layout = {
      brokers: brokers([1, 2]),
      topics: [
        topic('t', [
          [3, 1, 2],
          [1, 2, 3],
        ]),
      ],
    };
    expect(planReassignment(layout, { mode: 'rebalance', topics: ['t'] })).toEqual([]);
  });
});
