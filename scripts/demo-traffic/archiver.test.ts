import type { Admin, SeekEntry } from '@/server/kafka/kafkajs';
import { describe, expect, it } from 'vitest';
import { ARCHIVER_GROUP, seedStoppedGroup } from './archiver';

function fakeAdmin(committed: string[]) {
  const calls: { groupId: string; topic: string; partitions: SeekEntry[] }[] = [];
  const admin: Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets' | 'setOffsets'> = {
    fetchOffsets: async () => [
      { topic: 'orders', partitions: committed.map((offset, partition) => ({ partition, offset, metadata: null })) },
    ],
    fetchTopicOffsets: async () => [
      { partition: 0, offset: '40', high: '40', low: '0' },
      { partition: 1, offset: '37', high: '37', low: '0' },
    ],
    setOffsets: async (options) => {
      calls.push(options);
    },
  };
  return { admin, calls };
}

describe('seedStoppedGroup', () => {
  it('commits the current end offsets when the group has none', async () => {
    const { admin, calls } = fakeAdmin(['-1', '-1']);
    expect(await seedStoppedGroup(admin)).toBe('seeded');
    expect(calls).toEqual([
      {
        groupId: ARCHIVER_GROUP,
        topic: 'orders',
        partitions: [
          { partition: 0, offset: '40' },
          { partition: 1, offset: '37' },
        ],
      },
    ]);
  });

  it('leaves offsets from an earlier run alone, so restarts keep the lag growing', async () => {
    const { admin, calls } = fakeAdmin(['12', '-1']);
    expect(await seedStoppedGroup(admin)).toBe('already-seeded');
    expect(calls).toEqual([]);
  });
});
