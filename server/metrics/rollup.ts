import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/server/db/types';
import { metricRollupState } from '@/server/db/schema';
import { packQuarter, rollUpMinutes, type IdRange } from '@/server/metrics/pack';
import { prune, tidyUp, type Deleted } from '@/server/metrics/prune';
import { DEFAULT_METRICS_RETENTION, FIFTEEN_MINUTES, ONE_MINUTE, floorTo, type MetricsRetention } from '@/server/metrics/retention';
import { QUARTER_MS, SETTLE_MS, minutesToRollUp, quartersToPack, splitRange } from '@/server/metrics/rollup-plan';
import { dbOr, queryRows } from '@/server/db/sql';
import { ROWS_PER_STATEMENT, letRequestsRun } from '@/server/turns';

export type RollupReport = {
  /** Minutes rolled up before this time (null: none yet). */
  minutesUntil: number | null;
  /** Everything before this time is packed per series, 15-minute rollups included (null: nothing yet). */
  packedUntil: number | null;
  /** Quarters of an hour packed by this run. */
  packed: number;
  deleted: Deleted;
};

/**
 * The store's upkeep; call it about once a minute, off the sampling pass (once a quarter of an hour it packs,
 * vacuums and, on PGlite, checkpoints: about a second of work, in transactions of a fraction of one). Rolls up the
 * minutes that ended, packs the quarters whose minutes are done (server/metrics/rollup-plan.ts), then deletes what
 * is past retention. Safe to run twice, after a restart, or from several consoles on one PostgreSQL: each step
 * continues where the last stopped (metric_rollup_state: saved with the minutes it covers; for a quarter, after
 * its slices, each of which deletes the recent rows it packed in its own transaction, so an interrupted quarter is
 * finished by the next run), and what is written is recomputed from its source.
 */
export async function rollUpAndPrune(
  now: number,
  retention: MetricsRetention = DEFAULT_METRICS_RETENTION,
  given?: Db,
): Promise<RollupReport> {
  const db = await dbOr(given);
  const state = new Map((await db.select().from(metricRollupState)).map((row) => [row.stepMs, row.rolledUntil]));
  let minutesUntil = state.get(ONE_MINUTE.stepMs) ?? null;
  // Each look at metric_recent is a scan of it (its only index leads with the series): look only when needed, at
  // the first run or after a stop (to skip the time nobody wrote) and when a quarter may be complete.
  const stopped = minutesUntil === null || now - minutesUntil > QUARTER_MS + SETTLE_MS;
  const minutes = minutesToRollUp(minutesUntil, stopped ? await earliestPass(db, minutesUntil) : minutesUntil, now);
  const seriesSlices = minutes ? await allSeriesIdRanges(db) : [];
  for (const range of minutes ? splitRange(minutes, QUARTER_MS) : []) {
    await db.transaction(async (tx) => {
      // A statement per slice of series, requests served in between (server/turns.ts): on the XL fixture one
      // statement for every series held the server for 5 s. The mark moves with the last slice, atomically.
      for (const ids of seriesSlices) {
        await letRequestsRun();
        await rollUpMinutes(tx, range, ids);
      }
      await saveState(tx, ONE_MINUTE.stepMs, range.to);
    });
    minutesUntil = range.to;
  }
  const packedUntil = state.get(FIFTEEN_MINUTES.stepMs) ?? null;
  const complete = minutesUntil !== null && (packedUntil === null || floorTo(minutesUntil, QUARTER_MS) > packedUntil);
  const plan = quartersToPack(packedUntil, complete ? await recentQuarters(db, minutesUntil) : [], minutesUntil);
  for (const quarter of plan.quarters) {
    // A transaction per slice of series: each holds PGlite (one query at a time) a fraction of a second, so passes
    // and page loads get their turn. The state moves once every slice is packed.
    for (const ids of await idRanges(db, quarter)) {
      await letRequestsRun();
      await db.transaction((tx) => packQuarter(tx, quarter, ids));
    }
    await saveState(db, FIFTEEN_MINUTES.stepMs, quarter + QUARTER_MS);
  }
  if (plan.packedUntil !== null && plan.packedUntil !== packedUntil) await saveState(db, FIFTEEN_MINUTES.stepMs, plan.packedUntil);
  const deleted = await prune(db, now, retention, plan.packedUntil);
  if (plan.quarters.length > 0 || deleted.raw + deleted.oneMinute + deleted.fifteenMinutes > 0) await tidyUp(db, deleted);
  return { minutesUntil, packedUntil: plan.packedUntil, packed: plan.quarters.length, deleted };
}

/** The time of the first raw pass not rolled up yet. */
async function earliestPass(db: Db, after: number | null): Promise<number | null> {
  const [row] = await queryRows<{ first: string | number | null }>(
    db,
    sql`SELECT min(time) AS first FROM metric_recent WHERE step_ms = 0 AND time >= ${after ?? 0}::int8`,
  );
  return row?.first == null ? null : Number(row.first);
}

/** The quarters of an hour holding recent rows, before `until` (later ones cannot be packed yet). */
async function recentQuarters(db: Db, until: number | null): Promise<number[]> {
  if (until === null) return [];
  const rows = await queryRows<{ quarter: string | number }>(
    db,
    sql`SELECT DISTINCT time - time % ${QUARTER_MS}::int8 AS quarter FROM metric_recent WHERE time < ${until}::int8`,
  );
  return rows.map((row) => Number(row.quarter));
}

/** Series per packing transaction: about 0.3 s of PGlite's time on the large fixture. */
const PACK_SERIES_PER_TRANSACTION = 1000;

/** The quarter's series ids in slices of PACK_SERIES_PER_TRANSACTION ids. */
const idRanges = (db: Db, quarter: number) =>
  idSlices(
    db,
    sql`SELECT min(series_id) AS low, max(series_id) AS high FROM metric_recent WHERE time >= ${quarter}::int8 AND time < ${quarter + QUARTER_MS}::int8`,
    PACK_SERIES_PER_TRANSACTION,
  );

/** Every series id (any cluster's) in slices of ROWS_PER_STATEMENT ids: two lookups of metric_series' primary key. */
const allSeriesIdRanges = (db: Db) => idSlices(db, sql`SELECT min(id) AS low, max(id) AS high FROM metric_series`, ROWS_PER_STATEMENT);

/** The ids between the `low` and `high` that `bounds` answers, in ranges of `size`; none when it answers nulls. */
async function idSlices(db: Db, bounds: SQL, size: number): Promise<IdRange[]> {
  const [row] = await queryRows<{ low: number | null; high: number | null }>(db, bounds);
  if (row?.low == null || row.high == null) return [];
  const ranges: IdRange[] = [];
  for (let from = Number(row.low); from <= Number(row.high); from += size) ranges.push({ from, to: from + size });
  return ranges;
}

/** Moves a step's mark forward only: another console may have gone further already. */
async function saveState(db: Db, stepMs: number, until: number) {
  await db.execute(sql`INSERT INTO metric_rollup_state (step_ms, rolled_until) VALUES (${stepMs}::int4, ${until}::int8)
    ON CONFLICT (step_ms) DO UPDATE SET rolled_until = greatest(metric_rollup_state.rolled_until, excluded.rolled_until)`);
}
