// Storage tests of the metrics store, writing and reading (rollups: rollup.db.test.ts): on PGlite always, and on
// PostgreSQL too when TEST_DATABASE_URL is set (see test/support/db-engines.ts).
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/server/db/open';
import type { Db, OpenedDb } from '@/server/db/types';
import * as schema from '@/server/db/schema';
import { testEngines, type FreshDb } from '@/test/support/db-engines';
import { queryRange, type MetricsRangeQuery } from '@/server/metrics/query';
import { writePoints, type MetricPointInput } from '@/server/metrics/write';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const at = (seconds: number) => T0 + seconds * 1000;
const group =
  (clusterId: string, value: (i: number) => number | null) =>
  (i: number): MetricPointInput[] => [
    { scope: 'group', key: 'billing', metric: 'lag', unit: 'msg', value: value(i) },
    {
      scope: 'group',
      key: 'billing',
      metric: 'lag',
      unit: 'msg',
      labels: { topic: 'orders' },
      value: value(i) === null ? null : value(i)! - 1,
    },
    { scope: 'group', key: 'billing', metric: 'timeLagSeconds', unit: 's', value: 0.1 * i },
    { scope: 'cluster', key: '', metric: 'totalLag', unit: 'msg', value: clusterId.length },
  ];

/** A drizzle over the same connection that counts the statements it sends. */
function counting(opened: OpenedDb): { db: Db; statements: () => number } {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const client = (opened.db as unknown as { $client: unknown }).$client;
  const db =
    opened.engine === 'pglite'
      ? drizzlePglite({ client: client as PGlite, schema, logger })
      : drizzlePostgres({ client: client as pg.Pool, schema, logger });
  return { db: db as unknown as Db, statements: () => statements };
}

describe.each(testEngines())('metrics store on $name', { timeout: 60_000 }, (engine) => {
  let fresh: FreshDb;
  let opened: OpenedDb;
  beforeAll(async () => {
    fresh = await engine.fresh();
    opened = await openDb(fresh.target);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await fresh?.cleanup();
  });
  const query = (q: Partial<MetricsRangeQuery> & Pick<MetricsRangeQuery, 'clusterId'>) =>
    queryRange({ scope: 'group', key: 'billing', from: at(0), to: at(3600), points: 2000, now: at(3600), ...q }, opened.db);

  it('returns exactly what was written, series sorted by name and labels, per cluster', async () => {
    const exact = [0.1, 2 ** 53 - 1, -3.5e-300];
    for (const [i, value] of exact.entries()) {
      expect(await writePoints('exact', at(15 * i), group('exact', () => value)(i), opened.db)).toEqual({ written: 4 });
      await writePoints('other', at(15 * i), group('other', () => 7)(i), opened.db);
    }
    expect(await query({ clusterId: 'exact' })).toEqual({
      from: at(0),
      to: at(3600),
      stepMs: 15_000,
      series: [
        { name: 'lag', unit: 'msg', points: exact.map((v, i) => [at(15 * i), v]) },
        { name: 'lag', unit: 'msg', labels: { topic: 'orders' }, points: exact.map((v, i) => [at(15 * i), v - 1]) },
        {
          name: 'timeLagSeconds',
          unit: 's',
          points: [
            [at(0), 0],
            [at(15), 0.1],
            [at(30), 0.2],
          ],
        },
      ],
    });
    const cluster = await query({ clusterId: 'other', scope: 'cluster', key: '' });
    expect(cluster.series).toEqual([
      {
        name: 'totalLag',
        unit: 'msg',
        points: [
          [at(0), 5],
          [at(15), 5],
          [at(30), 5],
        ],
      },
    ]);
  });

  it('keeps nulls (non-finite values too) as gaps; a series missing from a pass has no point there', async () => {
    const values = [1, null, Number.NaN, Number.POSITIVE_INFINITY, 5];
    for (const [i, value] of values.entries()) {
      const pass = group('nulls', () => value)(i).filter((p) => i !== 3 || p.metric !== 'lag');
      await writePoints('nulls', at(15 * i), pass, opened.db);
    }
    const [total] = (await query({ clusterId: 'nulls' })).series;
    expect(total?.points).toEqual([
      [at(0), 1],
      [at(15), null],
      [at(30), null],
      [at(60), 5],
    ]);
  });

  it('breaks the line where the sampler stopped, and ignores a pass written twice', async () => {
    for (const seconds of [0, 15, 30, 45, 600, 615])
      await writePoints('stopped', at(seconds), group('stopped', () => seconds)(0), opened.db);
    expect(await writePoints('stopped', at(615), group('stopped', () => 1)(0), opened.db)).toEqual({ written: 0 });
    const [total] = (await query({ clusterId: 'stopped' })).series;
    expect(total?.points).toEqual([
      [at(0), 0],
      [at(15), 15],
      [at(30), 30],
      [at(45), 45],
      [at(60), null],
      [at(600), 600],
      [at(615), 615],
    ]);
  });

  it('downsamples each series to at most `points`, keeping the first and last', async () => {
    for (let i = 0; i < 240; i++) await writePoints('many', at(15 * i), group('many', (n) => (n * 37) % 101)(i), opened.db);
    const result = await query({ clusterId: 'many', points: 50 });
    expect(result.stepMs).toBe(72_000);
    for (const series of result.series) {
      expect(series.points).toHaveLength(50);
      expect(series.points[0]?.[0]).toBe(at(0));
      expect(series.points.at(-1)?.[0]).toBe(at(15 * 239));
    }
  });

  it('writes a pass of 5,000 series in 2 statements, the next pass in 1', async () => {
    const counted = counting(opened);
    const pass = (value: number): MetricPointInput[] =>
      Array.from({ length: 5000 }, (_, i) => ({
        scope: 'topic',
        key: `topic-${i}`,
        metric: 'messagesInPerSec',
        unit: 'msg/s',
        value: value + i,
      }));
    expect(await writePoints('big', at(0), pass(0), counted.db)).toEqual({ written: 5000 });
    expect(counted.statements()).toBe(2);
    expect(await writePoints('big', at(15), pass(0.5), counted.db)).toEqual({ written: 5000 });
    expect(counted.statements()).toBe(3);
    const topic = await queryRange(
      { clusterId: 'big', scope: 'topic', key: 'topic-4321', from: at(0), to: at(60), points: 10, now: at(60) },
      opened.db,
    );
    expect(topic.series).toEqual([
      {
        name: 'messagesInPerSec',
        unit: 'msg/s',
        points: [
          [at(0), 4321],
          [at(15), 4321.5],
        ],
      },
    ]);
  });

  it('resolves series once when a pass is written in several calls', async () => {
    const counted = counting(opened);
    const topics = [{ scope: 'topic' as const, key: 't', metric: 'messagesInPerSec', unit: 'msg/s', value: 1 }];
    const groups = group('split', () => 2)(0);
    for (const seconds of [0, 15]) {
      await writePoints('split', at(seconds), topics, counted.db);
      await writePoints('split', at(seconds), groups, counted.db);
    }
    expect(counted.statements()).toBe(6);
  });

  it('stores keys PostgreSQL would refuse, and finds them by the same key', async () => {
    const key = 'a"b,{c}\\ d\u0000é';
    await writePoints(
      'text',
      at(0),
      [{ scope: 'group', key, metric: 'lag', unit: 'msg', labels: { topic: 'x\u0000"' }, value: 1 }],
      opened.db,
    );
    const result = await query({ clusterId: 'text', key });
    expect(result.series).toEqual([{ name: 'lag', unit: 'msg', labels: { topic: 'x\u0000"' }, points: [[at(0), 1]] }]);
  });

  it('still has everything after the database is closed and opened again (a restart)', async () => {
    const before = await query({ clusterId: 'exact' });
    await opened.close();
    opened = await openDb(fresh.target);
    expect(await query({ clusterId: 'exact' })).toEqual(before);
    expect(await writePoints('exact', at(45), group('exact', () => 9)(3), opened.db)).toEqual({ written: 4 });
  });

  it('refuses times and budgets that make no sense', async () => {
    await expect(writePoints('x', -1, [], opened.db)).rejects.toThrow(RangeError);
    await expect(query({ clusterId: 'x', from: at(10), to: at(10) })).rejects.toThrow(RangeError);
    await expect(query({ clusterId: 'x', points: 0 })).rejects.toThrow(RangeError);
    expect(await query({ clusterId: 'nobody' })).toEqual({ from: at(0), to: at(3600), stepMs: 1800, series: [] });
  });
});
