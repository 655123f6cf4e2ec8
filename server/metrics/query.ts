import 'server-only';
import { and, asc, eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { MetricPoint, MetricScope, MetricsRangeResponse } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db/types';
import { metricRaw, metricRollupState, metricRollups, metricSeries } from '@/server/db/schema';
import { parseLabels } from '@/server/metrics/labels';
import { lttb } from '@/server/metrics/lttb';
import { joinSegments, medianSpacing, planSegments, responseStep, type Segment } from '@/server/metrics/query-plan';
import { DEFAULT_METRICS_RETENTION, ONE_MINUTE, RAW_ROW_MS, type MetricsRetention } from '@/server/metrics/retention';
import { dbOr, queryRows } from '@/server/db/sql';
import { storableText } from '@/server/metrics/sql';

export type MetricsRangeQuery = {
  clusterId: string;
  scope: MetricScope;
  /** Topic name, broker id, group id; '' for the cluster. */
  key: string;
  /** Epoch ms, from inclusive, to exclusive. */
  from: number;
  to: number;
  /** At most this many points per series (LTTB). */
  points: number;
  /** Which value of a rollup slot to chart: the average (default) or the maximum (spikes, e.g. lag). */
  aggregate?: 'avg' | 'max';
  /** Defaults: the clock and the default retention (the resolution is chosen by what retention keeps). */
  now?: number;
  retention?: MetricsRetention;
};

type Part = { stepMs: number; points: MetricPoint[] };

/**
 * Every series of one scope over [from, to): from the finest resolution that retention keeps back to `from`,
 * continued by finer ones up to the latest pass (server/metrics/query-plan.ts), gaps as nulls, each series
 * downsampled to at most `points` with LTTB. Series are sorted by name, then labels.
 */
export async function queryRange(query: MetricsRangeQuery, given?: Db): Promise<MetricsRangeResponse> {
  const { from, to, points } = query;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to <= from)
    throw new RangeError(`queryRange: need 0 <= from < to (epoch ms), got ${from}, ${to}`);
  if (!Number.isInteger(points) || points < 1) throw new RangeError(`queryRange: points must be a positive integer, got ${points}`);
  const db = await dbOr(given);
  const series = await db
    .select({ id: metricSeries.id, metric: metricSeries.metric, unit: metricSeries.unit, labels: metricSeries.labels })
    .from(metricSeries)
    .where(
      and(eq(metricSeries.clusterId, query.clusterId), eq(metricSeries.scope, query.scope), eq(metricSeries.key, storableText(query.key))),
    )
    .orderBy(asc(metricSeries.metric), asc(metricSeries.labels));
  const state = await db.select().from(metricRollupState);
  const { resolution, segments } = planSegments({
    from,
    to,
    now: query.now ?? Date.now(),
    retention: query.retention ?? DEFAULT_METRICS_RETENTION,
    rolledUntil: new Map(state.map((row) => [row.stepMs, row.rolledUntil])),
  });
  const ids = series.map((s) => s.id);
  const read = ids.length === 0 ? [] : await Promise.all(segments.map((segment) => readSegment(db, query, ids, segment)));
  const rawStep = medianSpacing(
    read.flatMap((r, i) => (segments[i]!.resolution === 'raw' ? [...r.values()].map((pts) => pts.map(([t]) => t)) : [])),
  );
  const stepOf = (segment: Segment) => (segment.resolution === 'raw' ? (rawStep ?? 0) : segment.resolution.stepMs);
  return {
    from,
    to,
    stepMs: responseStep(resolution === 'raw' ? rawStep : resolution.stepMs, from, to, points),
    series: series.map((s) => {
      const parts: Part[] = read.map((bySeries, i) => ({ stepMs: stepOf(segments[i]!), points: bySeries.get(s.id) ?? [] }));
      const labels = parseLabels(s.labels);
      return { name: s.metric, unit: s.unit, ...(labels ? { labels } : {}), points: lttb(joinSegments(parts), points) };
    }),
  };
}

/**
 * The points of [segment.from, segment.to) per series id, in time order: from the packed rows and, for raw points
 * and minutes, from the recent rows not packed yet. Recent rows are read first: packing moves points from them to
 * the packed rows, so a point packed in between is read twice (and kept once), never missed.
 */
async function readSegment(db: Db, query: MetricsRangeQuery, ids: number[], segment: Segment): Promise<Map<number, MetricPoint[]>> {
  const bySeries = new Map<number, MetricPoint[]>();
  const add = (id: number, t: number, v: number | null) => {
    if (t < segment.from || t >= segment.to) return;
    let list = bySeries.get(id);
    if (!list) bySeries.set(id, (list = []));
    list.push([t, v]);
  };
  const max = query.aggregate === 'max';
  const level = segment.resolution === 'raw' ? null : segment.resolution;
  const anyId = (column: SQLWrapper) => sql`${column} = ANY(${sql.param(ids)}::int4[])`;
  // `+ 0` keeps the planner on the primary key (series first): offered the time index that pruning uses, PGlite,
  // which gathers no statistics by itself, takes it and filters every series' rows (0.4 s instead of 1 ms).
  const between = (column: SQLWrapper, span: number) =>
    sql`${column} + 0 > ${segment.from - span}::int8 AND ${column} + 0 < ${segment.to}::int8`;
  if (level === null || level === ONE_MINUTE) {
    // Minutes are float4-rounded, as in packed rows: read as float4, they give the same JSON numbers.
    const value = level === null ? sql`value` : max ? sql`max::real` : sql`value::real`;
    const recent = await queryRows<{ id: number; time: string | number; v: number | null }>(
      db,
      sql`SELECT series_id AS id, time, ${value} AS v FROM metric_recent
        WHERE ${anyId(sql`series_id`)} AND step_ms = ${level?.stepMs ?? 0}::int4 AND time >= ${segment.from}::int8 AND time < ${segment.to}::int8`,
    );
    for (const row of recent) add(row.id, Number(row.time), row.v === null ? null : Number(row.v));
  }
  if (level === null) {
    const rows = await db
      .select()
      .from(metricRaw)
      .where(and(anyId(metricRaw.seriesId), between(metricRaw.bucketStart, RAW_ROW_MS)));
    for (const row of rows) row.offsets.forEach((offset, i) => add(row.seriesId, row.bucketStart + offset, row.samples[i] ?? null));
  } else {
    const rows = await db
      .select({
        seriesId: metricRollups.seriesId,
        bucketStart: metricRollups.bucketStart,
        values: max ? metricRollups.max : metricRollups.avg,
      })
      .from(metricRollups)
      .where(and(anyId(metricRollups.seriesId), eq(metricRollups.stepMs, level.stepMs), between(metricRollups.bucketStart, level.rowMs)));
    for (const row of rows) row.values.forEach((value, i) => add(row.seriesId, row.bucketStart + i * level.stepMs, value ?? null));
  }
  for (const [id, points] of bySeries) bySeries.set(id, inTimeOrder(points));
  return bySeries;
}

/** Sorted by time, one point per time (the packed one: added last). */
function inTimeOrder(points: MetricPoint[]): MetricPoint[] {
  const byTime = new Map(points.map((point) => [point[0], point]));
  return [...byTime.values()].sort((a, b) => a[0] - b[0]);
}
