import { describe, expect, it } from 'vitest';
import { topicBalance } from '@/server/cluster-state/topic-balance';

const layout = (rows: [number | null, number[]][]) =>
  rows.map(([leader, replicas], partition) => ({ partition, errorCode: 0, leader, replicas, isr: replicas, offlineReplicas: [] }));

describe('topicBalance (CMAK definitions)', () => {
  it('is perfect for an evenly spread topic led by preferred replicas', () => {
    const balance = topicBalance(
      layout([
        [1, [1, 2]],
        [2, [2, 3]],
        [3, [3, 1]],
      ]),
      3,
    );
    expect(balance).toEqual({ preferredPercent: 100, spreadPercent: 100, skewPercent: 0, leaderSkewPercent: 0 });
  });

  it('measures spread against the whole cluster and skew against the brokers hosting the topic', () => {
    // 4 partitions, RF 2, on brokers 1 and 2 of 4: fair share = ceil(4·2/2) = 4 each, no skew.
    expect(
      topicBalance(
        layout([
          [1, [1, 2]],
          [2, [2, 1]],
          [1, [1, 2]],
          [2, [2, 1]],
        ]),
        4,
      ),
    ).toMatchObject({ spreadPercent: 50, skewPercent: 0 });
  });

  it('flags brokers above their fair share of replicas and of leaders', () => {
    // 3 partitions RF 1 on brokers 1,1,2 → fair = ceil(3/2) = 2; nobody above for replicas; leaders same.
    expect(
      topicBalance(
        layout([
          [1, [1]],
          [1, [1]],
          [2, [2]],
        ]),
        2,
      ),
    ).toMatchObject({ skewPercent: 0, leaderSkewPercent: 0 });
    // 4 partitions RF 1: broker 1 holds 3, broker 2 holds 1 → fair = 2 → 1 of 2 brokers over = 50 %.
    expect(
      topicBalance(
        layout([
          [1, [1]],
          [1, [1]],
          [1, [1]],
          [2, [2]],
        ]),
        2,
      ),
    ).toMatchObject({ skewPercent: 50, leaderSkewPercent: 50 });
  });

  it('counts non-preferred and leaderless partitions against preferred %', () => {
    expect(
      topicBalance(
        layout([
          [2, [1, 2]],
          [null, [2, 1]],
          [1, [1, 2]],
        ]),
        2,
      ).preferredPercent,
    ).toBe(33.3);
  });

  it('answers zeros for a topic without partitions', () => {
    expect(topicBalance([], 3)).toEqual({ preferredPercent: 0, spreadPercent: 0, skewPercent: 0, leaderSkewPercent: 0 });
  });
});
