import { describe, expect, it } from 'vitest';
import { bytesPercent, electionPartitions, formatTime, hasEnded, partitionCounts, shortJobId } from '@/lib/reassign-job';

describe('bytesPercent', () => {
  it('one decimal, exact past 2^53', () => {
    expect(bytesPercent('1', '3')).toBe(33.3);
    expect(bytesPercent('9007199254740993', '18014398509481986')).toBe(50);
  });
  it('clamped to 0–100', () => {
    expect(bytesPercent('12', '10')).toBe(100);
    expect(bytesPercent('-1', '10')).toBe(0);
  });
  it('null when nothing is copied (a reorder only)', () => expect(bytesPercent('0', '0')).toBeNull());
});

describe('partitionCounts', () => {
  it('counts per state and the ended ones', () => {
    const states = ['done', 'moving', 'pending', 'done', 'failed'] as const;
    expect(partitionCounts(states.map((state) => ({ state })))).toEqual({ pending: 1, moving: 1, done: 2, failed: 1, total: 5, ended: 3 });
  });
});

describe('job helpers', () => {
  it('only running jobs have not ended', () => {
    expect(hasEnded('running')).toBe(false);
    for (const state of ['completed', 'cancelled', 'failed'] as const) expect(hasEnded(state)).toBe(true);
  });
  it('the partitions to elect leaders for', () => {
    expect(electionPartitions({ partitions: [{ topic: 't', partition: 1, target: [1, 2], state: 'done' }] })).toEqual([
      { topic: 't', partition: 1 },
    ]);
  });
  it('short ids and UTC times', () => {
    expect(shortJobId('9b2f1c3e-1111-2222-3333-444455556666')).toBe('9b2f1c3e');
    expect(formatTime(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05 UTC');
  });
});
