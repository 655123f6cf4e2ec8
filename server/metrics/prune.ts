import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/server/db/types';
import type { MetricsRetention } from '@/server/metrics/retention';
import { FIFTEEN_MINUTES, ONE_MINUTE } from '@/server/metrics/retention';
import { pruneBefore } from '@/server/metrics/rollup-plan';
import { queryRows } from '@/server/db/sql';

/** Packed rows deleted past retention, and series left without any data. */
export type Deleted = { raw: number; oneMinute: number; fifteenMinutes: number; series: number };

const counted = async (db: Db, statement: SQL) =>
  Number((await queryRows<{ n: number }>(db, sql`WITH d AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM d`))[0]?.n ?? 0);

/** Deletes packed rows past retention (server/metrics/rollup-plan.ts), then the series that no row mentions any more. */
export async function prune(db: Db, now: number, retention: MetricsRetention, packedUntil: number | null): Promise<Deleted> {
  const before = pruneBefore(now, retention, packedUntil);
  const deleted: Deleted = {
    raw: before.raw === null ? 0 : await counted(db, sql`DELETE FROM metric_raw WHERE bucket_start < ${before.raw}::int8`),
    oneMinute:
      before.oneMinute === null
        ? 0
        : await counted(
            db,
            sql`DELETE FROM metric_rollups WHERE step_ms = ${ONE_MINUTE.stepMs}::int4 AND bucket_start < ${before.oneMinute}::int8`,
          ),
    fifteenMinutes: await counted(
      db,
      sql`DELETE FROM metric_rollups WHERE step_ms = ${FIFTEEN_MINUTES.stepMs}::int4 AND bucket_start < ${before.fifteenMinutes}::int8`,
    ),
    series: 0,
  };
  if (deleted.raw + deleted.oneMinute + deleted.fifteenMinutes === 0) return deleted;
  // Series of deleted topics and groups would pile up. A pass writes a new series with its first row, in one
  // statement; only a series idle for the whole retention and written again at this very moment can lose that pass.
  deleted.series = await counted(
    db,
    sql`DELETE FROM metric_series s WHERE NOT EXISTS (SELECT 1 FROM metric_recent r WHERE r.series_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM metric_raw r WHERE r.series_id = s.id) AND NOT EXISTS (SELECT 1 FROM metric_rollups u WHERE u.series_id = s.id)`,
  );
  return deleted;
}

// Whether the database is PGlite, by Db: it runs no autovacuum and checkpoints only every 1 GB of WAL.
const isPglite = new WeakMap<Db, boolean>();

/**
 * After packing or pruning: VACUUM makes the space of deleted and replaced rows reusable — PGlite runs no
 * autovacuum, so its tables would only grow; PostgreSQL's would wait for many more dead rows. On PGlite a
 * CHECKPOINT then lets it recycle its WAL, which otherwise grows to max_wal_size (1 GB) in the data directory.
 */
export async function tidyUp(db: Db, deleted: Deleted): Promise<void> {
  const tables = ['metric_recent', 'metric_rollups', deleted.raw > 0 ? 'metric_raw' : null, deleted.series > 0 ? 'metric_series' : null];
  await db.execute(sql.raw(`VACUUM ${tables.filter(Boolean).join(', ')}`));
  // metric_recent is nearly empty now. Its index, filled by every series at once and emptied a quarter at a time,
  // ends up a third full (33 MB for 400,000 rows): rebuilt, it starts compact. ANALYZE: without statistics (PGlite
  // never gathers them itself) the planner sorts where it should hash, several times slower.
  await db.execute(sql`REINDEX TABLE metric_recent`);
  await db.execute(sql`ANALYZE metric_recent`);
  if (!isPglite.has(db)) {
    const [row] = await queryRows<{ pglite: boolean }>(db, sql`SELECT version() LIKE '%PGlite%' AS pglite`);
    isPglite.set(db, row?.pglite === true);
  }
  if (isPglite.get(db)) await db.execute(sql`CHECKPOINT`);
}
