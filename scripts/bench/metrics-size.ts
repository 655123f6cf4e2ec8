// How big 7 days of metrics history get on disk, and how long one sampling pass's write takes, for the large
// fixture's ~5,500 series (scripts/bench/metrics-fixture.ts), through the real store (server/metrics/).
//
//   node --conditions=react-server --import tsx scripts/bench/metrics-size.ts [--engine pglite|postgres]
//        [--days 7] [--real-hours 8] [--full] [--keep] [--out test-results/metrics-size.json]
//
// --engine postgres needs TEST_DATABASE_URL (`eval "$(node scripts/postgres/test-server.mjs start)"`); each run
// gets a fresh database (test/support/db-engines.ts), PGlite a fresh temp dir; both are removed afterwards (--keep keeps
// them and prints where).
//
// Time is simulated: the run ends at `now`. The last --real-hours (default 8, more than raw retention, so raw
// rows are also pruned) are a pass every 15 s through writePoints, with rollUpAndPrune every minute. Simulating
// all 40,320 passes of 7 days takes hours, so unless --full the days before skip the raw passes: their minutes are
// written directly as the minute rollup leaves them (metric_recent rows), and the real rollUpAndPrune after each
// hour packs them (hour rows, 15-minute slots in day rows) and prunes, as it does with real ones.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDb } from '@/server/db/open';
import type { Db, OpenedDb } from '@/server/db/types';
import { testEngines } from '@/test/support/db-engines';
import { queryRange } from '@/server/metrics/query';
import { DAY_MS, HOUR_MS, MINUTE_MS, floorTo } from '@/server/metrics/retention';
import { SETTLE_MS } from '@/server/metrics/rollup-plan';
import { rollUpAndPrune } from '@/server/metrics/rollup';
import { queryRows } from '@/server/db/sql';
import { writePoints } from '@/server/metrics/write';
import { LARGE, fixtureSeries, random, valueAt } from './metrics-fixture';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    days: { type: 'string', default: '7' },
    'real-hours': { type: 'string', default: '8' },
    full: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'test-results/metrics-size.json' },
  },
});
const PASS_MS = 15_000;
const CLUSTER = 'bench';
const days = Number(args.days);
const realHours = args.full ? days * 24 : Number(args['real-hours']);
const now = floorTo(Date.UTC(2025, 5, 1), DAY_MS);
const start = now - days * DAY_MS;
const realStart = now - realHours * HOUR_MS;

const engine = testEngines().find((e) => e.name === args.engine);
if (!engine) throw new Error(`engine ${args.engine} unavailable (postgres needs TEST_DATABASE_URL)`);
const specs = fixtureSeries(LARGE);
const rand = random(42);
const passAt = (time: number) => specs.map((spec) => ({ ...spec, value: valueAt(spec, time, rand) }));
const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: at(1) };
};
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
/** CPU time of this process during `work` (PGlite runs in it; on a busy machine wall time mostly measures the neighbours). */
const cpuTimed = async (work: () => Promise<unknown>) => {
  const before = process.cpuUsage();
  const ms = await timed(work);
  const { user, system } = process.cpuUsage(before);
  return { ms, cpuMs: (user + system) / 1000 };
};
const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const fresh = await engine.fresh();
let opened: OpenedDb = await openDb(fresh.target);
try {
  // Series first (one pass), then history, then the real passes.
  await writePoints(CLUSTER, start, passAt(start), opened.db);
  const ids = (await queryRows<{ id: number }>(opened.db, sql`SELECT id FROM metric_series ORDER BY id`)).map((r) => Number(r.id));
  const rollupMs: number[] = [];
  if (realStart > start) {
    log(`writing minutes directly for ${(realStart - start) / HOUR_MS} hours`);
    for (let hour = floorTo(start, HOUR_MS); hour < realStart; hour += HOUR_MS) {
      await insertMinutes(opened.db, ids, hour);
      rollupMs.push(await timed(() => rollUpAndPrune(hour + HOUR_MS + SETTLE_MS, undefined, opened.db)));
      if ((hour - start) % DAY_MS === 0) log(`day ${(hour - start) / DAY_MS + 1}`);
    }
  }
  log(`real passes every 15 s for ${realHours} hours (${specs.length} series)`);
  const writeMs: number[] = [];
  const writeCpuMs: number[] = [];
  const upkeepMs = { minute: [] as number[], quarter: [] as number[] };
  for (let time = realStart, pass = 0; time < now; time += PASS_MS, pass++) {
    const points = passAt(time);
    const write = await cpuTimed(() => writePoints(CLUSTER, time, points, opened.db));
    writeMs.push(write.ms);
    writeCpuMs.push(write.cpuMs);
    if (pass % 4 === 3) {
      let packed = 0;
      const ms = await timed(async () => (packed = (await rollUpAndPrune(time + 1, undefined, opened.db)).packed));
      upkeepMs[packed > 0 ? 'quarter' : 'minute'].push(ms);
    }
    if (pass % 240 === 0) log(`hour ${pass / 240}: write ${stats(writeMs.slice(-240)).median} ms`);
  }
  // A restarted console: close, reopen, then the queries.
  await opened.close();
  opened = await openDb(fresh.target);
  const range = (scope: 'cluster' | 'topic' | 'group', key: string, spanMs: number) =>
    timed(() => queryRange({ clusterId: CLUSTER, scope, key, from: now - spanMs, to: now, points: 2000, now }, opened.db));
  const queries: Record<string, number[]> = {};
  for (const [name, scope, key] of [
    ['cluster', 'cluster', ''],
    ['topic (3 series)', 'topic', 'topic-0007'],
    ['group (5 series)', 'group', 'group-0003'],
  ] as const) {
    for (const [label, span] of [
      ['1h', HOUR_MS],
      ['24h', DAY_MS],
      [`${days}d`, days * DAY_MS],
    ] as const) {
      queries[`${name} ${label}`] = [];
      for (let i = 0; i < 5; i++) queries[`${name} ${label}`]!.push(await range(scope, key, span));
    }
  }
  const report = {
    engine: engine.name,
    series: specs.length,
    days,
    realHours,
    sizes: await sizes(opened.db, 'dataDir' in fresh.target ? fresh.target.dataDir : null),
    writeMs: stats(writeMs),
    writeCpuMs: stats(writeCpuMs),
    rollUpAndPruneMs: { minute: stats(upkeepMs.minute), quarter: stats(upkeepMs.quarter) },
    ...(rollupMs.length ? { rollupAfterDirectHourMs: stats(rollupMs) } : {}),
    queryMs: Object.fromEntries(Object.entries(queries).map(([name, ms]) => [name, stats(ms)])),
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  console.log(JSON.stringify(report, null, 2));
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await opened.close();
  if (args.keep) log(`kept: ${JSON.stringify(fresh.target)}`);
  else await fresh.cleanup();
}

/**
 * An hour of minutes for every series, as the minute rollup leaves them in metric_recent (one row per minute), and
 * the rollup state saying they are rolled up; rollUpAndPrune then packs them as it packs real ones.
 */
async function insertMinutes(db: Db, ids: number[], hour: number) {
  for (let minute = hour; minute < hour + HOUR_MS; minute += MINUTE_MS) {
    const avg = specs.map((spec) => Math.fround(valueAt(spec, minute, rand)));
    await db.execute(sql`INSERT INTO metric_recent (series_id, step_ms, time, value, max)
      SELECT id, ${MINUTE_MS}::int4, ${minute}::int8, a, m FROM unnest(${sql.param(ids)}::int4[], ${sql.param(avg)}::float8[], ${sql.param(avg.map((v) => Math.fround(v * 1.05)))}::float8[]) AS u(id, a, m)`);
  }
  await db.execute(sql`INSERT INTO metric_rollup_state (step_ms, rolled_until) VALUES (${MINUTE_MS}::int4, ${hour + HOUR_MS}::int8)
    ON CONFLICT (step_ms) DO UPDATE SET rolled_until = excluded.rolled_until`);
}

async function sizes(db: Db, dataDir: string | null) {
  const tables = await queryRows<{ name: string; total: number; heap: number; toast: number; indexes: number }>(
    db,
    sql`SELECT c.relname AS name, pg_total_relation_size(c.oid)::float8 AS total, pg_relation_size(c.oid)::float8 AS heap,
      coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)::float8 AS toast, pg_indexes_size(c.oid)::float8 AS indexes
      FROM pg_class c WHERE c.relname IN ('metric_series', 'metric_recent', 'metric_raw', 'metric_rollups', 'metric_rollup_state') ORDER BY c.relname`,
  );
  const counts = await queryRows<{ raw: number; minute: number; quarter: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM metric_raw)::int AS raw, (SELECT count(*) FROM metric_rollups WHERE step_ms = 60000)::int AS minute,
      (SELECT count(*) FROM metric_rollups WHERE step_ms = 900000)::int AS quarter`,
  );
  const [database] = await queryRows<{ bytes: number }>(db, sql`SELECT pg_database_size(current_database())::float8 AS bytes`);
  const mb = (bytes: number) => Math.round(Number(bytes) / 1024 / 102.4) / 10;
  return {
    tablesMb: Object.fromEntries(
      tables.map((t) => [t.name, { total: mb(t.total), heap: mb(t.heap), toast: mb(t.toast), indexes: mb(t.indexes) }]),
    ),
    metricTablesMb: mb(tables.reduce((sum, t) => sum + Number(t.total), 0)),
    rows: counts[0],
    recent: (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM metric_recent`))[0]?.n,
    databaseMb: mb(database?.bytes ?? 0),
    ...(dataDir ? { pgliteDirMb: mb(du(dataDir)), pgliteWalMb: mb(du(path.join(dataDir, 'pglite', 'pg_wal'))) } : {}),
  };
}

function du(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? du(full) : entry.isFile() ? statSync(full).size : 0);
  }, 0);
}
