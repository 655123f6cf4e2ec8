import { describe, expect, it } from 'vitest';
import { leaderChanges, movedReplicas } from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
import {
  applyPlan,
  brokers,
  kafkaPlacement,
  leadersOptimal,
  rackSpread,
  replicaCounts,
  spreadOf,
  topic,
} from '@/test/support/planner-layouts';
import type { ClusterLayout } from '@/server/reassign/planner/types';

const setRf = (layout: ClusterLayout, replicationFactor: number, topics = ['t']) =>
  planReassignment(layout, { mode: 'replication-factor', topics, replicationFactor });

describe('replication-factor', () => {
  it('1 → 3 on a/a/b/b/c/c: appends replicas in racks not yet present, on the least loaded brokers; leaders stay', () => {
    const six = brokers([1, 2, 3, 4, 5, 6], ['a', 'a', 'b', 'b', 'c', 'c']);
    const layout = { brokers: six, topics: [topic('t', kafkaPlacement(12, 1, six))] };
    const changes = setRf(layout, 3);
    const after = applyPlan(layout, changes);
    expect(changes).toHaveLength(12);
    expect(movedReplicas(changes)).toBe(24);
    for (const c of changes) {
      expect(c.after.slice(0, 1)).toEqual(c.before);
      expect(rackSpread(after, c.after)).toBe(3);
    }
    expect([...replicaCounts(after).values()]).toEqual([6, 6, 6, 6, 6, 6]);
    expect(leaderChanges(changes)).toBe(0);
  });

  it('3 → 2 drops a follower, never replicas[0], preferring the most loaded broker; moves no data', () => {
    const four = brokers([1, 2, 3, 4]);
    const layout = {
      brokers: four,
      topics: [
        topic('t', kafkaPlacement(8, 3, four)),
        topic('other', [
          [1, 2, 3],
          [1, 2, 3],
        ]),
      ],
    };
    const changes = setRf(layout, 2);
    const after = applyPlan(layout, changes);
    expect(changes).toHaveLength(8);
    expect(movedReplicas(changes)).toBe(0);
    for (const c of changes) {
      expect(c.after).toHaveLength(2);
      expect(c.after.every((b) => c.before.includes(b))).toBe(true);
    }
    expect(leadersOptimal(after, 't')).toBe(true);
    // Brokers 1–3 also hold `other`, so broker 4 keeps the most of t.
    const counts = replicaCounts(after, ['t']);
    expect(counts.get(4)).toBeGreaterThanOrEqual(Math.max(counts.get(1) ?? 0, counts.get(2) ?? 0, counts.get(3) ?? 0));
    expect(spreadOf(replicaCounts(after))).toBeLessThanOrEqual(1);
  });

  it('3 → 2 with racks drops a duplicated rack first', () => {
    const layout = {
      brokers: brokers([1, 2, 3], ['a', 'b', 'b']),
      topics: [
        topic('t', [
          [1, 2, 3],
          [3, 1, 2],
        ]),
      ],
    };
    const after = applyPlan(layout, setRf(layout, 2));
    for (const p of after.topics[0]?.partitions ?? []) expect(rackSpread(after, p.replicas)).toBe(2);
  });

  it('no change when the factor is already right; refuses a factor above the live brokers and unknown topics', () => {
    const layout = { brokers: brokers([1, 2, 3]), topics: [topic('t', kafkaPlacement(6, 2, brokers([1, 2, 3])))] };
    expect(setRf(layout, 2)).toEqual([]);
    expect(() => setRf(layout, 4)).toThrow(
      expect.objectContaining({ field: 'replicationFactor', message: 'replication factor 4 needs 4 live brokers; the cluster has 3' }),
    );
    expect(() => setRf(layout, 2, ['t', 'missing'])).toThrow(
      expect.objectContaining({ field: 'topics', message: 'topic "missing" does not exist' }),
    );
  });
});
