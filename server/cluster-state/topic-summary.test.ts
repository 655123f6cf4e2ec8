import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { partitionKey } from '@/server/kafka/partition-key';
import { leaderSizes, topicSummaries } from '@/server/cluster-state/topic-summary';

const layout = (partition: number, leader: number | null, replicas: number[]) => ({
  partition,
  errorCode: 0,
  leader,
  replicas,
  isr: replicas,
  offlineReplicas: [],
});
const replica = (topic: string, partition: number, sizeBytes: string, isFuture = false) => ({ topic, partition, sizeBytes, isFuture });

function snapshot(): ClusterSnapshot {
  const offsets = (topic: string, partition: number, logStartOffset: string, highWatermark: string) =>
    [partitionKey(topic, partition), { topic, partition, logStartOffset, highWatermark, error: null }] as const;
  const partitionOffsets = new Map([
    offsets('a', 0, '0', '10'),
    offsets('a', 1, '5', '7'),
    offsets('b', 0, '0', '1'),
    offsets('b', 5, '0', '0'),
  ]);
  return {
    asOf: 1,
    metadata: {
      asOf: 1,
      mode: 'kraft',
      kafkaClusterId: 'c',
      controllerId: 1,
      quorum: null,
      quorumError: null,
      apiVersions: {},
      brokers: [1, 2].map((id) => ({ id, host: 'h', port: 9092, rack: null })),
      topics: [
        // Partitions numbered 0..n-1 (found by index) and a gap (found by search).
        { name: 'a', internal: false, errorCode: 0, partitions: [layout(0, 1, [1, 2]), layout(1, 2, [2, 1])] },
        { name: 'b', internal: false, errorCode: 0, partitions: [layout(0, 2, [2, 1]), layout(5, 1, [1, 2])] },
      ],
    },
    offsets: partitionOffsets,
    logDirsAsOf: 1,
    logDirsOffsets: partitionOffsets,
    logDirs: [
      {
        brokerId: 1,
        logDirs: [
          {
            path: '/d1',
            error: null,
            totalBytes: null,
            usableBytes: null,
            partitions: [
              replica('a', 0, '100'),
              replica('a', 1, '999'),
              replica('b', 5, '50'),
              replica('b', 0, '7', true),
              replica('gone', 0, '1'),
            ],
          },
        ],
      },
      {
        brokerId: 2,
        logDirs: [
          {
            path: '/d2',
            error: null,
            totalBytes: null,
            usableBytes: null,
            partitions: [replica('a', 0, '999'), replica('a', 1, '20'), replica('b', 0, '30')],
          },
        ],
      },
    ],
    minIsr: new Map([
      ['a', 1],
      ['b', 1],
    ]),
    errors: [],
  };
}

describe('leaderSizes', () => {
  it("takes each partition's size from its leader's replica, never a follower's or a future replica", () => {
    expect(Object.fromEntries(leaderSizes(snapshot()))).toEqual({
      [partitionKey('a', 0)]: 100n,
      [partitionKey('a', 1)]: 20n,
      [partitionKey('b', 0)]: 30n,
      [partitionKey('b', 5)]: 50n,
    });
  });
});

describe('per-snapshot caching', () => {
  it('computes sizes and summaries once per snapshot object, again for a new snapshot', () => {
    const first = snapshot();
    expect(leaderSizes(first)).toBe(leaderSizes(first));
    expect(topicSummaries(first)).toBe(topicSummaries(first));
    const second = snapshot();
    expect(topicSummaries(second)).not.toBe(topicSummaries(first));
    expect(topicSummaries(second)).toEqual(topicSummaries(first));
  });

  it('summarizes every topic in metadata order', () => {
    expect(topicSummaries(snapshot()).map((t) => [t.name, t.messageCount, t.sizeBytes])).toEqual([
      ['a', '12', '120'],
      ['b', '1', '80'],
    ]);
  });
});
