import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '@/lib/schemas/metrics';
import { hasDrawableLine, labelLines, latestValue, seriesByLabel, toChartRows, totalLines, totalSeries } from '@/lib/metric-series';

const lag = (points: MetricSeries['points'], topic?: string): MetricSeries => ({
  name: 'lag',
  unit: 'msg',
  ...(topic ? { labels: { topic } } : {}),
  points,
});

describe('toChartRows', () => {
  it('gives one row per time with each line by key', () => {
    const rows = toChartRows([
      {
        key: 'a',
        label: 'A',
        points: [
          [1, 10],
          [2, 20],
        ],
      },
      {
        key: 'b',
        label: 'B',
        points: [
          [1, 1],
          [2, 2],
        ],
      },
    ]);
    expect(rows).toEqual([
      { t: 1, a: 10, b: 1 },
      { t: 2, a: 20, b: 2 },
    ]);
  });

  it('keeps a null point as a break', () => {
    expect(
      toChartRows([
        {
          key: 'a',
          label: 'A',
          points: [
            [1, 5],
            [2, null],
            [3, 7],
          ],
        },
      ]),
    ).toEqual([
      { t: 1, a: 5 },
      { t: 2, a: null },
      { t: 3, a: 7 },
    ]);
  });

  it('interpolates a line between its own points at another line’s times', () => {
    const rows = toChartRows([
      {
        key: 'a',
        label: 'A',
        points: [
          [0, 0],
          [10, 100],
        ],
      },
      {
        key: 'b',
        label: 'B',
        points: [
          [0, 1],
          [4, 2],
          [10, 3],
        ],
      },
    ]);
    expect(rows.map((r) => r.a)).toEqual([0, 40, 100]);
  });

  it('does not bridge a gap, nor reach before a line’s first point or after its last', () => {
    const rows = toChartRows([
      {
        key: 'a',
        label: 'A',
        points: [
          [2, 1],
          [4, null],
          [6, 3],
        ],
      },
      {
        key: 'b',
        label: 'B',
        points: [
          [0, 0],
          [3, 0],
          [5, 0],
          [8, 0],
        ],
      },
    ]);
    expect(rows.map((r) => [r.t, r.a])).toEqual([
      [0, null],
      [2, 1],
      [3, null],
      [4, null],
      [5, null],
      [6, 3],
      [8, null],
    ]);
  });

  it('gives no rows for no points', () => expect(toChartRows([{ key: 'a', label: 'A', points: [] }])).toEqual([]));
});

describe('series selection', () => {
  const all = [lag([[1, 9]]), lag([[1, 5]], 'b-topic'), lag([[1, 4]], 'a-topic'), { name: 'timeLagSeconds', unit: 's', points: [] }];
  it('finds the total (the series without labels)', () => expect(totalSeries(all, 'lag')?.points).toEqual([[1, 9]]));
  it('splits by label, sorted', () => expect(seriesByLabel(all, 'lag', 'topic').map((s) => s.value)).toEqual(['a-topic', 'b-topic']));
  it('is undefined for a missing series', () => expect(totalSeries(all, 'messagesInPerSec')).toBeUndefined());
});

describe('latestValue', () => {
  it('is the newest non-null value', () =>
    expect(
      latestValue(
        lag([
          [1, 3],
          [2, 4],
          [3, null],
        ]),
      ),
    ).toBe(4));
  it('is null without points', () => {
    expect(latestValue(lag([]))).toBeNull();
    expect(latestValue(undefined)).toBeNull();
  });
});

describe('hasDrawableLine', () => {
  it('needs two non-null points in some line', () => {
    expect(hasDrawableLine([])).toBe(false);
    expect(
      hasDrawableLine([
        {
          key: 'a',
          label: 'A',
          points: [
            [1, 1],
            [2, null],
          ],
        },
      ]),
    ).toBe(false);
    expect(
      hasDrawableLine([
        {
          key: 'a',
          label: 'A',
          points: [
            [1, 1],
            [2, null],
            [3, 0],
          ],
        },
      ]),
    ).toBe(true);
  });
});

describe('lines for a chart', () => {
  const rate = (name: string, points: MetricSeries['points']): MetricSeries => ({ name, unit: 'msg/s', points });
  it('takes the total series of each name, labelled, leaving out what is not stored', () => {
    const all = [rate('messagesInPerSec', [[1, 2]]), rate('messagesConsumedPerSec', [[1, 1]])];
    expect(
      totalLines(all, [
        { name: 'messagesInPerSec', label: 'Produced' },
        { name: 'bytesInPerSec', label: 'Bytes' },
        { name: 'messagesConsumedPerSec', label: 'Consumed' },
      ]),
    ).toEqual([
      { key: 'messagesInPerSec', label: 'Produced', points: [[1, 2]] },
      { key: 'messagesConsumedPerSec', label: 'Consumed', points: [[1, 1]] },
    ]);
  });
  it('splits by label after the total when there are several values', () => {
    const lines = labelLines([lag([[1, 9]]), lag([[1, 5]], 'b'), lag([[1, 4]], 'a')], 'lag', 'topic', 'All topics');
    expect(lines.map((l) => [l.label, l.points])).toEqual([
      ['All topics', [[1, 9]]],
      ['a', [[1, 4]]],
      ['b', [[1, 5]]],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(3);
  });
  it('draws one value once, and falls back to the total without labelled series', () => {
    expect(labelLines([lag([[1, 9]]), lag([[1, 9]], 'a')], 'lag', 'topic', 'All topics').map((l) => l.label)).toEqual(['a']);
    expect(labelLines([lag([[1, 9]])], 'lag', 'topic', 'All topics').map((l) => l.label)).toEqual(['All topics']);
    expect(labelLines([], 'lag', 'topic', 'All topics')).toEqual([]);
  });
});
