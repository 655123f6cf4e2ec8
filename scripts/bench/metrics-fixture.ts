// The metrics benchmark's synthetic cluster: the series of a large fixture (1,000 topics, 500 groups reading two
// topics each, 6 brokers) and values that wander like real ones (seeded, so runs compare). Values are noisy
// floats on purpose: constant or integer series would compress and flatter the size.
import type { MetricPointInput } from '@/server/metrics/write';

export type FixtureShape = { topics: number; groups: number; topicsPerGroup: number; brokers: number };
export const LARGE: FixtureShape = { topics: 1000, groups: 500, topicsPerGroup: 2, brokers: 6 };

type SeriesSpec = Omit<MetricPointInput, 'value'> & { base: number };

export function fixtureSeries(shape: FixtureShape): SeriesSpec[] {
  const specs: SeriesSpec[] = [];
  const add = (spec: Omit<SeriesSpec, 'base'>, base: number) => specs.push({ ...spec, base });
  for (const [metric, unit, base] of [
    ['messagesInPerSec', 'msg/s', 50_000],
    ['bytesInPerSec', 'B/s', 5e7],
    ['messagesConsumedPerSec', 'msg/s', 48_000],
    ['totalLag', 'msg', 2e6],
    ['maxTimeLagSeconds', 's', 30],
  ] as const) {
    add({ scope: 'cluster', key: '', metric, unit }, base);
  }
  for (let t = 0; t < shape.topics; t++) {
    const key = `topic-${String(t).padStart(4, '0')}`;
    add({ scope: 'topic', key, metric: 'messagesInPerSec', unit: 'msg/s' }, 50 + (t % 97));
    add({ scope: 'topic', key, metric: 'bytesInPerSec', unit: 'B/s' }, 5_000 + 131 * (t % 89));
    add({ scope: 'topic', key, metric: 'sizeBytes', unit: 'B' }, 1e9 + 7e6 * (t % 83));
  }
  for (let b = 1; b <= shape.brokers; b++) {
    add({ scope: 'broker', key: String(b), metric: 'messagesInPerSec', unit: 'msg/s' }, 8_000);
    add({ scope: 'broker', key: String(b), metric: 'bytesInPerSec', unit: 'B/s' }, 8e6);
    add({ scope: 'broker', key: String(b), metric: 'diskUsedBytes', unit: 'B' }, 2e11);
  }
  for (let g = 0; g < shape.groups; g++) {
    const key = `group-${String(g).padStart(4, '0')}`;
    add({ scope: 'group', key, metric: 'lag', unit: 'msg' }, 1_000 + 37 * (g % 71));
    add({ scope: 'group', key, metric: 'timeLagSeconds', unit: 's' }, 2 + (g % 13));
    add({ scope: 'group', key, metric: 'messagesConsumedPerSec', unit: 'msg/s' }, 90 + (g % 61));
    for (let i = 0; i < shape.topicsPerGroup; i++) {
      const topic = `topic-${String((g * shape.topicsPerGroup + i) % shape.topics).padStart(4, '0')}`;
      add({ scope: 'group', key, metric: 'lag', unit: 'msg', labels: { topic } }, 500 + 17 * (g % 53));
    }
  }
  return specs;
}

/** A small seeded PRNG (mulberry32): the same run gives the same values. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value near `base` at `time`: a daily wave plus noise; counts (units msg and B) stay integers. */
export function valueAt(spec: SeriesSpec, time: number, rand: () => number): number {
  const wave = 1 + 0.3 * Math.sin((time / 86_400_000) * 2 * Math.PI + spec.base);
  const value = spec.base * wave * (0.9 + 0.2 * rand());
  return spec.unit === 'msg' || spec.unit === 'B' ? Math.round(value) : value;
}
