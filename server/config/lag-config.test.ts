import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/server/config/load';
import { lagSettings } from '@/server/config/schema';

const cluster = (extra: object = {}) => ({ id: 'a', name: 'A', brokers: ['k:9092'], ...extra });
const parse = (config: object) => parseConfig(JSON.stringify(config), 'console.json');

describe('lag sampler configuration', () => {
  it('samples every 15 s over a window of 10 with no allowed lag by default', () => {
    const config = parse({ clusters: [cluster()] });
    expect(config.lag).toEqual({ enabled: true, intervalMs: 15_000, window: 10, allowedLag: 0 });
    expect(lagSettings(config, config.clusters[0]!)).toEqual(config.lag);
  });

  it('lets a cluster override any field of the console-wide settings', () => {
    const config = parse({
      lag: { intervalMs: 5_000 },
      clusters: [cluster({ lag: { window: 4, enabled: false } }), { ...cluster(), id: 'b' }],
    });
    expect(lagSettings(config, config.clusters[0]!)).toEqual({ enabled: false, intervalMs: 5_000, window: 4, allowedLag: 0 });
    expect(lagSettings(config, config.clusters[1]!)).toEqual({ enabled: true, intervalMs: 5_000, window: 10, allowedLag: 0 });
  });

  it('refuses intervals under 1 s, windows under 2 and unknown fields, with their paths', () => {
    expect(() => parse({ lag: { intervalMs: 500 }, clusters: [cluster()] })).toThrow(/lag\.intervalMs/);
    expect(() => parse({ clusters: [cluster({ lag: { window: 1 } })] })).toThrow(/clusters\[0\]\.lag\.window/);
    expect(() => parse({ lag: { windowSize: 3 }, clusters: [cluster()] })).toThrow(/Unrecognized key: "windowSize"/);
  });
});
