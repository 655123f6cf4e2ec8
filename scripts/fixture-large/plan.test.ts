import { describe, expect, it } from 'vitest';
import {
  GROUP_NAME,
  MAX_PARTITIONS,
  PARTITION_TOTAL,
  TOPIC_COUNT,
  TOPIC_NAME,
  createPlan,
  partitionCounts,
  plannedOffset,
  seededRandom,
} from './plan';

describe('fixture plan', () => {
  const plan = createPlan();

  it('has 1,000 topics with 1–40 partitions summing to exactly 10,000', () => {
    expect(plan.topics).toHaveLength(TOPIC_COUNT);
    const counts = plan.topics.map((t) => t.partitions);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(PARTITION_TOTAL);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBe(MAX_PARTITIONS);
    expect(new Set(plan.topics.map((t) => t.name)).size).toBe(TOPIC_COUNT);
    expect(plan.topics.every((t) => TOPIC_NAME.test(t.name))).toBe(true);
  });

  it('mixes replication factors 2 and 3, and puts data in a fraction of the partitions', () => {
    const rf = new Set(plan.topics.map((t) => t.replicationFactor));
    expect([...rf].sort()).toEqual([2, 3]);
    const withData = plan.topics.flatMap((t) => t.recordsPerPartition).filter((n) => n > 0).length;
    expect(withData).toBeGreaterThan(500);
    expect(withData).toBeLessThan(PARTITION_TOTAL / 2);
  });

  it('has 500 distinct groups, 5 of them active, on fixture topics', () => {
    const groups = [...plan.emptyGroups, ...plan.activeGroups];
    expect(groups).toHaveLength(500);
    expect(plan.activeGroups).toHaveLength(5);
    expect(new Set(groups.map((g) => g.groupId)).size).toBe(500);
    expect(groups.every((g) => GROUP_NAME.test(g.groupId))).toBe(true);
    const names = new Set(plan.topics.map((t) => t.name));
    expect(groups.every((g) => g.topics.length > 0 && g.topics.every((t) => names.has(t.topic)))).toBe(true);
  });

  it('is the same plan on every run', () => {
    expect(createPlan()).toEqual(plan);
  });

  it('spreads any feasible total', () => {
    expect(partitionCounts(3, 3, seededRandom(1))).toEqual([1, 1, 1]);
    expect(partitionCounts(2, 80, seededRandom(1))).toEqual([MAX_PARTITIONS, MAX_PARTITIONS]);
    const counts = partitionCounts(50, 700, seededRandom(7));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(700);
    expect(counts[0]).toBe(MAX_PARTITIONS);
    expect(() => partitionCounts(10, 5, seededRandom(1))).toThrow();
  });

  it('plans committed offsets as a fraction of the end offset', () => {
    expect(plannedOffset(40n, 1)).toBe(40n);
    expect(plannedOffset(40n, 0.5)).toBe(20n);
    expect(plannedOffset(40n, 0.9)).toBe(36n);
    expect(plannedOffset(40n, 0)).toBe(0n);
  });
});
