import { describe, expect, it } from 'vitest';
import { reassignmentJsonSchema } from '@/lib/schemas/reassignments';
import {
  applyReassignment,
  layoutFromReassignment,
  leaderChanges,
  movedReplicas,
  toReassignmentJson,
} from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
import { brokers, kafkaPlacement, topic } from '@/test/support/planner-layouts';
import type { PlanChange } from '@/server/reassign/planner/types';

const changes: PlanChange[] = [
  { topic: 'b', partition: 0, before: [1, 2], after: [3, 2] },
  { topic: 'a', partition: 10, before: [2, 3], after: [3, 2] },
  { topic: 'a', partition: 2, before: [1, 2, 3], after: [4, 2, 5] },
];

describe('plan output', () => {
  it('the plan and the rollback in the tool format, sorted by topic then partition, no log_dirs', () => {
    expect(toReassignmentJson(changes, 'after')).toEqual({
      version: 1,
      partitions: [
        { topic: 'a', partition: 2, replicas: [4, 2, 5] },
        { topic: 'a', partition: 10, replicas: [3, 2] },
        { topic: 'b', partition: 0, replicas: [3, 2] },
      ],
    });
    expect(toReassignmentJson(changes, 'before').partitions.map((p) => p.replicas)).toEqual([
      [1, 2, 3],
      [2, 3],
      [1, 2],
    ]);
  });

  it('counts replicas created on new brokers and preferred-leader changes', () => {
    expect(movedReplicas(changes)).toBe(3);
    expect(leaderChanges(changes)).toBe(3);
    expect(movedReplicas([])).toBe(0);
  });

  it('a real plan passes the schema the server parses with, and plan then rollback restores the layout exactly', () => {
    const layout = {
      brokers: brokers([1, 2, 3, 4, 5]),
      topics: [
        topic('orders', kafkaPlacement(30, 3, brokers([1, 2, 3, 4]))),
        topic('audit', kafkaPlacement(7, 2, brokers([1, 2, 3, 4]), 2)),
      ],
    };
    const plan = planReassignment(layout, { mode: 'scale-out', brokers: [5] });
    const forward = reassignmentJsonSchema.parse(toReassignmentJson(plan, 'after'));
    const rollback = reassignmentJsonSchema.parse(toReassignmentJson(plan, 'before'));
    const moved = applyReassignment(layout, forward);
    expect(moved).not.toEqual(layout);
    expect(applyReassignment(moved, rollback)).toEqual(layout);
    // Once the plan ran, planning the same request again finds nothing to do.
    expect(planReassignment(moved, { mode: 'scale-out', brokers: [5] })).toEqual([]);
    const json = JSON.parse(JSON.stringify(forward));
    expect(reassignmentJsonSchema.parse(json)).toEqual(forward);
  });

  it('layoutFromReassignment builds a layout an imported JSON can be planned on', () => {
    const json = reassignmentJsonSchema.parse({
      version: 1,
      partitions: [
        { topic: 't', partition: 1, replicas: [2, 1] },
        { topic: 't', partition: 0, replicas: [1, 2] },
      ],
    });
    const layout = layoutFromReassignment(json, brokers([1, 2, 3]));
    expect(layout.topics).toEqual([
      {
        name: 't',
        internal: false,
        partitions: [
          { partition: 1, replicas: [2, 1] },
          { partition: 0, replicas: [1, 2] },
        ],
      },
    ]);
    expect(planReassignment(layout, { mode: 'drain', brokers: [2] })).toEqual([
      { topic: 't', partition: 0, before: [1, 2], after: [1, 3] },
      { topic: 't', partition: 1, before: [2, 1], after: [3, 1] },
    ]);
  });
});
