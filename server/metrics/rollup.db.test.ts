// Storage tests of rollups, packing and retention: on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL
// is set (see test/support/db-engines.ts). Each test has its own database: rollups work on every cluster at once.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '@/server/db/open';
import type { OpenedDb } from '@/server/db/types';
import { testEngines, type FreshDb } from '@/test/support/db-engines';
import { queryRange, type MetricsRangeQuery } from '@/server/metrics/query';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/server/metrics/retention';
import { rollUpAndPrune } from '@/server/metrics/rollup';
import { queryRows } from '@/server/db/sql';
import { writePoints, type MetricPointInput } from '@/server/metrics/write';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const at = (minutes: number) => T0 + minutes * MINUTE_MS;
const SHORT = { rawMs: 30 * MINUTE_MS, oneMinuteMs: 2 * HOUR_MS, fifteenMinuteMs: DAY_MS };

describe.each(testEngines())('metrics rollups on $name', { timeout: 60_000 }, (engine) => {
  let fresh: FreshDb;
  let opened: OpenedDb;
  beforeEach(async () => {
    fresh = await engine.fresh();
    opened = await openDb(fresh.target);
  }, 120_000);
  afterEach(async () => {
    await opened?.close();
    await fresh?.cleanup();
  });

  /** Pass i at T0 + 15 s * i: the cluster's rate is i; the group's lag is 2i, null in minute 3 and absent in minute 5. */
  async function writePasses(count: number, first = 0) {
    for (let i = first; i < first + count; i++) {
      const minute = Math.floor(i / 4);
      const points = [
        { scope: 'cluster' as const, key: '', metric: 'messagesInPerSec', unit: 'msg/s', value: i },
        ...(minute === 5 ? [] : [{ scope: 'group' as const, key: 'g', metric: 'lag', unit: 'msg', value: minute === 3 ? null : 2 * i }]),
      ];
      await writePoints('c', T0 + i * 15_000, points, opened.db);
    }
  }
  const rows = (query: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(opened.db, query);
  const packed = async () => ({
    raw: await rows(sql`SELECT * FROM metric_raw ORDER BY series_id, bucket_start`),
    rollups: await rows(sql`SELECT * FROM metric_rollups ORDER BY series_id, step_ms, bucket_start`),
    recent: await rows(sql`SELECT * FROM metric_recent ORDER BY series_id, step_ms, time`),
    state: await rows(sql`SELECT step_ms, rolled_until::float8 AS rolled_until FROM metric_rollup_state ORDER BY step_ms`),
  });
  const range = (q: Partial<MetricsRangeQuery>) =>
    queryRange({ clusterId: 'c', scope: 'cluster', key: '', from: T0, to: at(40), points: 2000, now: at(36), ...q }, opened.db);
  const minuteAvg = (m: number) => 4 * m + 1.5;

  it('packs raw points and rolls minutes and quarters up: averages and maximums', async () => {
    await writePasses(36 * 4);
    const report = await rollUpAndPrune(at(36) + 30_000, undefined, opened.db);
    expect(report).toMatchObject({ minutesUntil: at(35), packedUntil: at(30), packed: 2 });
    const [clusterRate] = await rows(sql`SELECT id FROM metric_series WHERE metric = 'messagesInPerSec'`);
    const id = Number(clusterRate!.id);
    const [raw] = await rows(sql`SELECT offsets, samples FROM metric_raw WHERE series_id = ${id} AND bucket_start = ${T0}::int8`);
    expect(raw).toEqual({ offsets: Array.from({ length: 60 }, (_, i) => i * 15_000), samples: Array.from({ length: 60 }, (_, i) => i) });
    const [minutes] = await rows(sql`SELECT avg, max FROM metric_rollups WHERE series_id = ${id} AND step_ms = 60000`);
    expect(minutes).toEqual({
      avg: Array.from({ length: 30 }, (_, m) => minuteAvg(m)),
      max: Array.from({ length: 30 }, (_, m) => 4 * m + 3),
    });
    const [quarters] = await rows(sql`SELECT avg, max FROM metric_rollups WHERE series_id = ${id} AND step_ms = 900000`);
    expect(quarters).toEqual({ avg: [29.5, 89.5], max: [59, 119] });
    // Minute 3 of the group was all nulls, minute 5 absent: null slots; the nulls stay in the raw row.
    const [lag] = await rows(sql`SELECT u.avg, u.max, r.samples FROM metric_rollups u JOIN metric_raw r USING (series_id)
      JOIN metric_series s ON s.id = u.series_id WHERE s.metric = 'lag' AND u.step_ms = 60000 AND r.bucket_start = ${T0}::int8`);
    expect((lag!.avg as (number | null)[]).slice(2, 7)).toEqual([2 * minuteAvg(2), null, 2 * minuteAvg(4), null, 2 * minuteAvg(6)]);
    expect((lag!.samples as (number | null)[]).slice(11, 17)).toEqual([22, null, null, null, null, 32]);
  });

  it('answers a range across 15-minute, 1-minute and raw data, ending at the latest pass', async () => {
    await writePasses(36 * 4);
    await rollUpAndPrune(at(36) + 30_000, undefined, opened.db);
    const raw = [140, 141, 142, 143].map((i) => [T0 + i * 15_000, i]);
    // Three days on: retention keeps only 15-minute rollups back to T0; minutes and raw points continue them.
    const old = await range({ now: T0 + 3 * DAY_MS });
    expect(old.stepMs).toBe(900_000);
    expect(old.series[0]?.points).toEqual([
      [at(0), 29.5],
      [at(15), 89.5],
      ...[30, 31, 32, 33, 34].map((m) => [at(m), minuteAvg(m)]),
      ...raw,
    ]);
    const peaks = await range({ now: T0 + 3 * DAY_MS, aggregate: 'max' });
    expect(peaks.series[0]?.points.slice(0, 3)).toEqual([
      [at(0), 59],
      [at(15), 119],
      [at(30), 123],
    ]);
    // Seven hours on: 1-minute rollups reach back to T0.
    const recent = await range({ now: T0 + 7 * HOUR_MS });
    expect(recent.stepMs).toBe(MINUTE_MS);
    expect(recent.series[0]?.points).toEqual([...Array.from({ length: 35 }, (_, m) => [at(m), minuteAvg(m)]), ...raw]);
    // Within raw retention: every pass, packed or not.
    expect((await range({})).series[0]?.points).toEqual(Array.from({ length: 144 }, (_, i) => [T0 + i * 15_000, i]));
  });

  it('is idempotent: run twice, after a restart, or replaying a quarter whose state was not saved', async () => {
    await writePasses(20 * 4);
    const now = at(20) + 30_000;
    await rollUpAndPrune(now, undefined, opened.db);
    const once = await packed();
    expect((await rollUpAndPrune(now, undefined, opened.db)).packed).toBe(0);
    expect(await packed()).toEqual(once);
    await opened.close();
    opened = await openDb(fresh.target);
    await rollUpAndPrune(now + 5_000, undefined, opened.db);
    expect(await packed()).toEqual(once);
    // A crash after the quarter's slices were packed (each slice deletes its recent rows in the same transaction)
    // and before the state says so: the next run finds nothing left to pack and moves the state on.
    await writePasses(16 * 4, 20 * 4);
    await rollUpAndPrune(at(36) + 30_000, undefined, opened.db);
    const after = await packed();
    expect(after.state).toEqual([
      { step_ms: 60000, rolled_until: at(35) },
      { step_ms: 900000, rolled_until: at(30) },
    ]);
    await opened.db.execute(sql`UPDATE metric_rollup_state SET rolled_until = ${at(15)}::int8 WHERE step_ms = 900000`);
    await rollUpAndPrune(at(36) + 30_000, undefined, opened.db);
    expect(await packed()).toEqual(after);
  });

  it('refuses a pass older than the minutes already rolled up', async () => {
    await writePasses(8 * 4);
    await rollUpAndPrune(at(8), undefined, opened.db);
    expect(
      await writePoints('c', at(6) + 1, [{ scope: 'cluster', key: '', metric: 'messagesInPerSec', unit: 'msg/s', value: 1 }], opened.db),
    ).toEqual({ written: 0 });
    expect(
      await writePoints('c', at(7) + 1, [{ scope: 'cluster', key: '', metric: 'messagesInPerSec', unit: 'msg/s', value: 1 }], opened.db),
    ).toEqual({ written: 1 });
  });

  it('deletes what is past retention, then the series left without data', async () => {
    // Three hours, a pass a minute, upkeep every quarter; the group stops after the first hour.
    for (let minute = 0; minute < 180; minute++) {
      const points: MetricPointInput[] = [{ scope: 'cluster', key: '', metric: 'messagesInPerSec', unit: 'msg/s', value: minute }];
      if (minute < 60) points.push({ scope: 'group', key: 'g', metric: 'lag', unit: 'msg', value: minute });
      await writePoints('c', at(minute) + 1000, points, opened.db);
      if (minute % 15 === 14) await rollUpAndPrune(at(minute + 1), SHORT, opened.db);
    }
    const now = at(180);
    const report = await rollUpAndPrune(now + 2 * MINUTE_MS, SHORT, opened.db);
    expect(report.packedUntil).toBe(at(180));
    const buckets = async (table: 'metric_raw' | 'metric_rollups', step?: number) =>
      (
        await rows(sql`SELECT DISTINCT bucket_start FROM ${sql.raw(table)} ${step ? sql`WHERE step_ms = ${step}::int4` : sql``} ORDER BY 1`)
      ).map((r) => Number(r.bucket_start));
    // Raw rows end after now - 30 min (the 1-minute level has them); hour rows after now - 2 h; the day row stays.
    expect(await buckets('metric_raw')).toEqual([at(150), at(165)]);
    expect(await buckets('metric_rollups', 60_000)).toEqual([at(60), at(120)]);
    expect(await buckets('metric_rollups', 900_000)).toEqual([T0]);
    // The group's first hour, from its day row: the average of each quarter's minutes.
    const groupNow = await queryRange(
      { clusterId: 'c', scope: 'group', key: 'g', from: T0, to: now, points: 100, now, retention: SHORT },
      opened.db,
    );
    expect(groupNow.series[0]?.points).toEqual([
      [at(0), 7],
      [at(15), 22],
      [at(30), 37],
      [at(45), 52],
    ]);
    // Two days on, everything is past retention, series included.
    const later = await rollUpAndPrune(now + 2 * DAY_MS, SHORT, opened.db);
    expect(later.deleted).toEqual({ raw: 2, oneMinute: 2, fifteenMinutes: 2, series: 2 });
    expect(await rows(sql`SELECT * FROM metric_series`)).toEqual([]);
    expect((await range({ from: T0, to: now, now, retention: SHORT })).series).toEqual([]);
  });
});
