import { describe, expect, it } from 'vitest';
import { upgradeLevelText, upgradeLevels } from '@/lib/feature-upgrade-form';

const metadata = {
  finalizedLevel: 25,
  supportedMaxLevel: 28,
  labels: { finalized: '4.0-IV3', supportedMin: '3.3-IV3', supportedMax: '4.2-IV0' },
};

describe('feature upgrade form', () => {
  it('offers every level above the finalized one up to what every broker supports', () => {
    expect(upgradeLevels(metadata)).toEqual([26, 27, 28]);
    expect(upgradeLevels({ finalizedLevel: 0, supportedMaxLevel: 1 })).toEqual([1]);
    expect(upgradeLevels({ finalizedLevel: 1, supportedMaxLevel: 1 })).toEqual([]);
    // A broker that does not know the feature caps it at 0: nothing to offer.
    expect(upgradeLevels({ finalizedLevel: 0, supportedMaxLevel: 0 })).toEqual([]);
  });

  it('names the highest level by its release where the page knows it', () => {
    expect(upgradeLevelText(metadata, 26)).toBe('26');
    expect(upgradeLevelText(metadata, 28)).toBe('28 (4.2-IV0)');
    expect(upgradeLevelText({ supportedMaxLevel: 1, labels: { ...metadata.labels, supportedMax: '1' } }, 1)).toBe('1');
  });
});
