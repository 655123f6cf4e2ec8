import { describe, expect, it } from 'vitest';
import { diffCells, diffKey, planCounts, sortedDiff } from '@/lib/plan-diff';

describe('diffCells', () => {
  it('marks removed replicas before, added after, and the preferred leader in both', () => {
    expect(diffCells({ before: [3, 1], after: [1, 2] })).toEqual({
      before: [
        { id: 3, preferred: true, change: 'removed' },
        { id: 1, preferred: false, change: 'kept' },
      ],
      after: [
        { id: 1, preferred: true, change: 'kept' },
        { id: 2, preferred: false, change: 'added' },
      ],
      leaderChanged: true,
      countChanged: false,
    });
  });

  it('a reorder moves no data but changes the preferred leader', () => {
    const cells = diffCells({ before: [1, 2, 3], after: [2, 1, 3] });
    expect(cells.after.map((m) => m.change)).toEqual(['kept', 'kept', 'kept']);
    expect(cells.leaderChanged).toBe(true);
  });

  it('a replication factor change', () => {
    const cells = diffCells({ before: [1, 2], after: [1, 2, 3] });
    expect(cells).toMatchObject({ leaderChanged: false, countChanged: true });
    expect(cells.after[2]).toEqual({ id: 3, preferred: false, change: 'added' });
  });
});

describe('planCounts, sortedDiff, diffKey', () => {
  const diff = [
    { topic: 'b', partition: 0, before: [1], after: [2] },
    { topic: 'a', partition: 2, before: [1, 2], after: [1, 2, 3] },
    { topic: 'a', partition: 1, before: [1], after: [3] },
  ];
  it('counts partitions, topics and replica count changes', () =>
    expect(planCounts({ diff })).toEqual({ partitions: 3, topics: 2, countChanges: 1 }));
  it('sorts by topic then partition', () => expect(sortedDiff(diff).map(diffKey)).toEqual(['a-1', 'a-2', 'b-0']));
});
