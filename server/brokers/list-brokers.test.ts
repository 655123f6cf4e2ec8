import { describe, expect, it } from 'vitest';
import { countPartitionsPerBroker, skewPercent } from '@/server/brokers/list-brokers';

const partition = (partition: number, leader: number | null, replicas: number[]) => ({
  partition,
  errorCode: 0,
  leader,
  replicas,
  isr: replicas,
  offlineReplicas: [],
});

describe('countPartitionsPerBroker', () => {
  it('counts leaders and every assigned replica, offline partitions included', () => {
    const counts = countPartitionsPerBroker([
      { name: 'a', internal: false, errorCode: 0, partitions: [partition(0, 1, [1, 2]), partition(1, 2, [2, 3])] },
      { name: '__consumer_offsets', internal: true, errorCode: 0, partitions: [partition(0, 3, [3, 1, 2])] },
      { name: 'dead', internal: false, errorCode: 0, partitions: [partition(0, null, [4])] },
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      1: { leaderCount: 1, replicaCount: 2, preferredLeaderCount: 1 },
      2: { leaderCount: 1, replicaCount: 3, preferredLeaderCount: 1 },
      3: { leaderCount: 1, replicaCount: 2, preferredLeaderCount: 1 },
      4: { leaderCount: 0, replicaCount: 1, preferredLeaderCount: 1 },
    });
  });

  it('measures skew as the signed distance from the mean', () => {
    expect(skewPercent(12, 10)).toBe(20);
    expect(skewPercent(7, 9)).toBe(-22.2);
    expect(skewPercent(0, 0)).toBe(0);
  });
});
