import 'server-only';
import { sql } from 'drizzle-orm';
import type { MetricScope } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db/types';
import { canonicalLabels, type MetricLabels } from '@/server/metrics/labels';
import { MINUTE_MS } from '@/server/metrics/retention';
import { identityKey, seriesIds, type SeriesIdentity } from '@/server/metrics/series-ids';
import { dbOr, queryRows } from '@/server/db/sql';
import { storableText } from '@/server/metrics/sql';
import { letRequestsRun, slices } from '@/server/turns';

/** One derived value of a sampling pass; null when the pass could not tell (a broker did not answer). */
export type MetricPointInput = {
  scope: MetricScope;
  /** Topic name, broker id, group id; '' for the cluster. */
  key: string;
  metric: string;
  unit: string;
  labels?: MetricLabels;
  value: number | null;
};

/**
 * Records one sampling pass, every value at `time` (epoch ms): a metric_recent row per series, inserted — never an
 * update (schema.ts says why) — by one statement per ROWS_PER_STATEMENT series (the XL fixture has ~67,000; the
 * requests waiting run between them, server/turns.ts), the rows travelling as two arrays; plus the statements
 * creating the series the previous pass did not have (series-ids.ts). Non-finite values are stored as null.
 * Refused, writing nothing: a pass already written (a retry) and a pass older than the minutes already rolled up
 * (it would be missing from them). A chart read meanwhile may see part of the pass: its series are independent.
 * Resolves to how many series got the point.
 */
export async function writePoints(
  clusterId: string,
  time: number,
  points: readonly MetricPointInput[],
  given?: Db,
): Promise<{ written: number }> {
  if (!Number.isSafeInteger(time) || time < 0) throw new RangeError(`writePoints: time must be epoch ms, got ${time}`);
  const pass = toSeries(points);
  if (pass.length === 0) return { written: 0 };
  const db = await dbOr(given);
  await letRequestsRun();
  const resolved = await seriesIds(db, clusterId, time, pass);
  const rows = resolved.flatMap((id, i) => (id === undefined ? [] : [{ id, value: pass[i]!.value }]));
  let written = 0;
  for (const slice of slices(rows)) {
    await letRequestsRun();
    const [row] = await queryRows<{ written: number }>(
      db,
      sql`WITH inserted AS (
        INSERT INTO metric_recent (series_id, step_ms, time, value)
        SELECT id, 0, ${time}::int8, value FROM unnest(${sql.param(slice.map((r) => r.id))}::int4[], ${sql.param(slice.map((r) => r.value))}::float8[]) AS u(id, value)
        WHERE ${time}::int8 >= coalesce((SELECT rolled_until FROM metric_rollup_state WHERE step_ms = ${MINUTE_MS}::int4), 0)
        ON CONFLICT DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS written FROM inserted`,
    );
    written += Number(row?.written ?? 0);
  }
  return { written };
}

type PassSeries = SeriesIdentity & { identity: string; value: number | null };

/**
 * One entry per series (the last value wins: a row cannot be inserted twice), in storable form. One object per
 * series and no copies: a pass of a 10,000-topic cluster has ~67,000 points, and their garbage was a third of the
 * pass's collector time.
 */
function toSeries(points: readonly MetricPointInput[]): PassSeries[] {
  const at = new Map<string, number>();
  const series: PassSeries[] = [];
  for (const point of points) {
    const labels = canonicalLabels(point.labels);
    const key = storableText(point.key);
    const identity = identityKey({ scope: point.scope, metric: point.metric, labels, key });
    const value = point.value !== null && Number.isFinite(point.value) ? point.value : null;
    const index = at.get(identity);
    if (index !== undefined) {
      series[index]!.value = value;
      continue;
    }
    at.set(identity, series.length);
    series.push({ scope: point.scope, key, metric: point.metric, labels, unit: point.unit, identity, value });
  }
  return series;
}
