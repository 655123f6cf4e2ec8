import 'server-only';
import { sql } from 'drizzle-orm';
import type { MetricScope } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db/types';
import { queryRows } from '@/server/db/sql';
import { letRequestsRun, slices } from '@/server/turns';

/** A series as stored: labels already canonical (server/metrics/labels.ts), key storable. */
export type SeriesIdentity = { scope: MetricScope; key: string; metric: string; labels: string; unit: string };

/** One string per series identity: the key, which may hold anything, comes last (U+0001 is in no scope, metric or labels' JSON). */
export const identityKey = (s: Pick<SeriesIdentity, 'scope' | 'key' | 'metric' | 'labels'>) =>
  `${s.scope}\u0001${s.metric}\u0001${s.labels}\u0001${s.key}`;

/**
 * Per database and cluster, the ids of the series written in the last few minutes. Joining 5,500 identities
 * against metric_series costs PGlite more than the pass's insert itself; a pass resolves only series not written
 * lately (new topics, the first pass after a start). Safe because pruning deletes a series only once no row
 * mentions it (prune.ts), and a series written lately has a recent row or, once packed, a raw row (nulls included).
 */
type CacheEntry = { id: number; seen: number };
const caches = new WeakMap<Db, Map<string, Map<string, CacheEntry>>>();
const CACHE_MAX_AGE_MS = 5 * 60_000;

/**
 * The ids of `series` (in order), creating the missing series: no statement when all were written lately.
 * undefined: the series was deleted by a concurrent prune (idle for the whole retention); the next pass recreates it.
 */
export async function seriesIds(
  db: Db,
  clusterId: string,
  time: number,
  series: readonly (SeriesIdentity & { identity: string })[],
): Promise<(number | undefined)[]> {
  let byCluster = caches.get(db);
  if (!byCluster) caches.set(db, (byCluster = new Map()));
  let cache = byCluster.get(clusterId);
  if (!cache) byCluster.set(clusterId, (cache = new Map()));
  // One lookup per series; entries are updated in place (a new object per series per pass is garbage to collect).
  const known: (CacheEntry | undefined)[] = [];
  const missing: (SeriesIdentity & { identity: string })[] = [];
  for (const s of series) {
    const entry = cache.get(s.identity);
    const fresh = entry !== undefined && Math.abs(time - entry.seen) <= CACHE_MAX_AGE_MS;
    known.push(fresh ? entry : undefined);
    if (!fresh) missing.push(s);
  }
  const resolved = missing.length > 0 ? await resolve(db, clusterId, missing) : new Map<string, number>();
  // Series not written lately (deleted topics, groups) are forgotten: the cache stays the size of a pass.
  for (const [identity, entry] of cache) if (Math.abs(time - entry.seen) > CACHE_MAX_AGE_MS) cache.delete(identity);
  return series.map((s, i) => {
    const entry = known[i];
    if (entry) {
      entry.seen = time;
      return entry.id;
    }
    const id = resolved.get(s.identity);
    if (id !== undefined) cache.set(s.identity, { id, seen: time });
    return id;
  });
}

/** resolveSlice for every slice of `series` (a first pass after a start resolves all of them). */
async function resolve(db: Db, clusterId: string, series: readonly SeriesIdentity[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const slice of slices(series)) {
    await letRequestsRun();
    for (const [identity, id] of await resolveSlice(db, clusterId, slice)) ids.set(identity, id);
  }
  return ids;
}

/** Creates the series not in metric_series yet (drawing identity values only for them), and returns all their ids. */
async function resolveSlice(db: Db, clusterId: string, series: readonly SeriesIdentity[]): Promise<Map<string, number>> {
  const column = (name: keyof SeriesIdentity) => sql`${sql.param(series.map((s) => s[name]))}::text[]`;
  const same = sql`s.cluster_id = ${clusterId} AND s.scope = i.scope AND s.key = i.key AND s.metric = i.metric AND s.labels = i.labels`;
  const rows = await queryRows<{ id: number } & Pick<SeriesIdentity, 'scope' | 'key' | 'metric' | 'labels'>>(
    db,
    sql`WITH input AS (SELECT * FROM unnest(${column('scope')}, ${column('key')}, ${column('metric')}, ${column('labels')}, ${column('unit')}) AS u(scope, key, metric, labels, unit)),
    created AS (
      INSERT INTO metric_series (cluster_id, scope, key, metric, labels, unit)
      SELECT ${clusterId}, i.scope, i.key, i.metric, i.labels, i.unit FROM input i WHERE NOT EXISTS (SELECT 1 FROM metric_series s WHERE ${same})
      ON CONFLICT DO NOTHING
      RETURNING id, scope, key, metric, labels
    )
    SELECT id, scope, key, metric, labels FROM created
    UNION ALL SELECT s.id, s.scope, s.key, s.metric, s.labels FROM input i JOIN metric_series s ON ${same}`,
  );
  return new Map(rows.map((row) => [identityKey(row), Number(row.id)]));
}
