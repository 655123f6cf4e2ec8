import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/server/db/types';
import { QUARTER_MS, quarterSlots, type Range } from '@/server/metrics/rollup-plan';
import { FIFTEEN_MINUTES, MINUTE_MS, ONE_MINUTE } from '@/server/metrics/retention';

// The SQL of a rollup run (server/metrics/rollup.ts decides when): minutes rolled up into metric_recent, and
// quarters of an hour packed from metric_recent into the per-series rows. Each statement recomputes what it writes
// from its source, so running one twice writes the same values.

/** A float8 as float4, clamped into its range: a value float4 cannot hold must not stop every later rollup. */
const toReal = (value: SQL) =>
  sql`(CASE WHEN abs(${value}) < 1e-37 THEN 0 WHEN ${value} > 3e38 THEN 3e38 WHEN ${value} < -3e38 THEN -3e38 ELSE ${value} END)::real`;

/** Series ids [from, to): rollups and packing work on a slice of the series at a time. */
export type IdRange = { from: number; to: number };

/**
 * Per series of `ids` and minute of `range` with a value: the average and maximum of its raw points, as a step_ms
 * 60000 row (a range scan of metric_recent's primary key, which leads with the series).
 */
export async function rollUpMinutes(db: Db, { from, to }: Range, ids: IdRange): Promise<void> {
  await db.execute(sql`INSERT INTO metric_recent (series_id, step_ms, time, value, max)
    SELECT series_id, ${MINUTE_MS}::int4, time - time % ${MINUTE_MS}::int8 AS minute, ${toReal(sql`avg(value)`)}, ${toReal(sql`max(value)`)}
    FROM metric_recent WHERE series_id >= ${ids.from}::int4 AND series_id < ${ids.to}::int4
      AND step_ms = 0 AND time >= ${from}::int8 AND time < ${to}::int8
    GROUP BY series_id, minute HAVING count(value) > 0
    ON CONFLICT DO NOTHING`);
}

/**
 * Packs one quarter of an hour for the series of `ids`: per series its raw points into a metric_raw row, its 15
 * minutes into slots of its hour row and one 15-minute slot (the average of the minutes' averages, the maximum of
 * their maximums) into its day row — slices assigned in place, a new row padded with nulls before them — then
 * deletes those recent rows. A quarter of nulls still gets its raw row (a series being written stays alive, see
 * prune.ts); rollup slots without a value are null. Run again, it finds nothing left to pack.
 */
export async function packQuarter(db: Db, quarter: number, ids: IdRange): Promise<void> {
  const end = quarter + QUARTER_MS;
  const { hourStart, firstMinuteSlot: first, lastMinuteSlot: last, dayStart, quarterSlot } = quarterSlots(quarter);
  const pad = (n: number) => sql`array_fill(NULL::real, ARRAY[${n}::int4])`;
  const set = (a: number, b: number) => sql.raw(`avg[${a}:${b}] = excluded.avg[${a}:${b}], max[${a}:${b}] = excluded.max[${a}:${b}]`);
  const inIds = sql`series_id >= ${ids.from}::int4 AND series_id < ${ids.to}::int4`;
  const inQuarter = (step: number) => sql`${inIds} AND step_ms = ${step}::int4 AND time >= ${quarter}::int8 AND time < ${end}::int8`;
  await db.execute(sql`INSERT INTO metric_raw (series_id, bucket_start, offsets, samples)
    SELECT series_id, ${quarter}::int8, array_agg((time - ${quarter}::int8)::int4 ORDER BY time), array_agg(value ORDER BY time)
    FROM metric_recent WHERE ${inQuarter(0)} GROUP BY series_id
    ON CONFLICT (series_id, bucket_start) DO UPDATE SET offsets = excluded.offsets, samples = excluded.samples`);
  const minutes = sql`(SELECT series_id, ((time - ${hourStart}::int8) / ${MINUTE_MS}::int8)::int4 + 1 AS slot, value::real AS a, max::real AS m
    FROM metric_recent WHERE ${inQuarter(MINUTE_MS)})`;
  await db.execute(sql`WITH minutes AS ${minutes}
    INSERT INTO metric_rollups (series_id, step_ms, bucket_start, avg, max)
    SELECT ids.series_id, ${ONE_MINUTE.stepMs}::int4, ${hourStart}::int8,
      ${pad(first - 1)} || array_agg(x.a ORDER BY g.slot), ${pad(first - 1)} || array_agg(x.m ORDER BY g.slot)
    FROM (SELECT DISTINCT series_id FROM minutes) ids
    CROSS JOIN generate_series(${first}::int4, ${last}::int4) AS g(slot)
    LEFT JOIN minutes x ON x.series_id = ids.series_id AND x.slot = g.slot
    GROUP BY ids.series_id
    ON CONFLICT (series_id, step_ms, bucket_start) DO UPDATE SET ${set(first, last)}`);
  await db.execute(sql`WITH minutes AS ${minutes}
    INSERT INTO metric_rollups (series_id, step_ms, bucket_start, avg, max)
    SELECT series_id, ${FIFTEEN_MINUTES.stepMs}::int4, ${dayStart}::int8,
      ${pad(quarterSlot - 1)} || ARRAY[${toReal(sql`avg(a)`)}], ${pad(quarterSlot - 1)} || ARRAY[${toReal(sql`max(m)`)}]
    FROM minutes GROUP BY series_id
    ON CONFLICT (series_id, step_ms, bucket_start) DO UPDATE SET ${set(quarterSlot, quarterSlot)}`);
  await db.execute(sql`DELETE FROM metric_recent WHERE ${inIds} AND step_ms IN (0, ${MINUTE_MS}::int4) AND time < ${end}::int8`);
}
