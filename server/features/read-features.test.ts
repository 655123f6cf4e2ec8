import { describe, expect, it } from 'vitest';
import { combineFeatures } from '@/server/features/read-features';

const broker = (nodeId: number, epoch: string | null, supported: [string, number, number][], finalized: [string, number][] = []) => ({
  nodeId,
  features: {
    finalizedEpoch: epoch,
    supported: supported.map(([name, minVersion, maxVersion]) => ({ name, minVersion, maxVersion })),
    finalized: finalized.map(([name, level]) => ({ name, minVersion: 1, maxVersion: level })),
  },
});

describe('combineFeatures', () => {
  it('takes finalized levels from the broker furthest along the metadata log, and the range every broker supports', () => {
    const combined = combineFeatures([
      broker(
        1,
        '90',
        [
          ['metadata.version', 7, 30],
          ['share.version', 0, 1],
        ],
        [['metadata.version', 29]],
      ),
      broker(
        2,
        '120',
        [
          ['metadata.version', 7, 31],
          ['share.version', 0, 1],
        ],
        [
          ['metadata.version', 30],
          ['share.version', 1],
        ],
      ),
    ]);
    expect(combined?.finalizedEpoch).toBe('120');
    expect(combined?.features).toEqual([
      {
        name: 'metadata.version',
        finalizedLevel: 30,
        supportedMinLevel: 7,
        supportedMaxLevel: 30,
        labels: { finalized: '4.3-IV0', supportedMin: '3.3-IV3', supportedMax: '4.3-IV0' },
        nodes: [
          { nodeId: 1, minLevel: 7, maxLevel: 30 },
          { nodeId: 2, minLevel: 7, maxLevel: 31 },
        ],
      },
      {
        name: 'share.version',
        finalizedLevel: 1,
        supportedMinLevel: 0,
        supportedMaxLevel: 1,
        labels: { finalized: '1', supportedMin: '0', supportedMax: '1' },
        nodes: [
          { nodeId: 1, minLevel: 0, maxLevel: 1 },
          { nodeId: 2, minLevel: 0, maxLevel: 1 },
        ],
      },
    ]);
  });

  it('caps a feature at level 0 when a broker does not know it, and shows it not finalized as 0', () => {
    const combined = combineFeatures([broker(1, '5', [['streams.version', 0, 1]]), broker(2, '5', [])]);
    expect(combined?.features[0]).toMatchObject({
      name: 'streams.version',
      finalizedLevel: 0,
      supportedMaxLevel: 0,
      nodes: [{ nodeId: 1 }],
    });
  });

  it('answers null where brokers report no feature (ZooKeeper mode) or no epoch', () => {
    expect(combineFeatures([broker(1, '0', [])])).toBeNull();
    expect(combineFeatures([broker(1, null, [['metadata.version', 7, 30]])])).toBeNull();
    expect(combineFeatures([])).toBeNull();
  });
});
