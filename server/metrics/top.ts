import 'server-only';
import { sql } from 'drizzle-orm';
import type { GroupType } from '@/lib/schemas/consumer-groups';
import type { MetricsTopResponse } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db/types';
import { dbOr, queryRows } from '@/server/db/sql';

/** Rows of each ranking. */
export const TOP_N = 10;

type Row = { scope: 'topic' | 'group'; key: string; metric: string; avg: number | null; last: string | number };

/**
 * The dashboard's rankings over the passes of the last `windowMs` (averaged, so one burst does not reorder them):
 * topics by messages in per second (Kafka's internal topics left out, as in the cluster totals), groups by lag and
 * by time lag. Only what is above zero is ranked (a lag of at least one message): an idle cluster has empty lists. Read from the recent rows,
 * series first (their primary key), never a scan of every series' history. The history does not keep group types:
 * `groupTypes` (the live groups) gives them, a group missing there has type null.
 */
export async function getMetricsTop(
  clusterId: string,
  { now = Date.now(), windowMs, groupTypes = new Map() }: { now?: number; windowMs: number; groupTypes?: ReadonlyMap<string, GroupType> },
  given?: Db,
): Promise<MetricsTopResponse> {
  const db = await dbOr(given);
  const rows = await queryRows<Row>(
    db,
    sql`SELECT s.scope, s.key, s.metric, avg(r.value) AS avg, max(r.time) AS last
      FROM metric_series s JOIN metric_recent r ON r.series_id = s.id AND r.step_ms = 0 AND r.time >= ${now - windowMs}::int8 AND r.time <= ${now}::int8
      WHERE s.cluster_id = ${clusterId} AND s.labels = ''
        AND ((s.scope = 'topic' AND s.metric IN ('messagesInPerSec', 'bytesInPerSec') AND s.key NOT LIKE '\\_\\_%')
          OR (s.scope = 'group' AND s.metric IN ('lag', 'timeLagSeconds')))
      GROUP BY s.scope, s.key, s.metric`,
  );
  const values = (scope: Row['scope'], metric: string) =>
    new Map(rows.filter((r) => r.scope === scope && r.metric === metric && r.avg !== null).map((r) => [r.key, Number(r.avg)]));
  const ranked = (scope: Row['scope'], metric: string, least: number) =>
    [...values(scope, metric)]
      .filter(([, v]) => v >= least)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_N);
  const bytes = values('topic', 'bytesInPerSec');
  const last = rows.reduce<number | null>((t, r) => Math.max(t ?? 0, Number(r.last)), null);
  return {
    asOf: last,
    windowMs,
    topicsByThroughput: ranked('topic', 'messagesInPerSec', Number.MIN_VALUE).map(([topic, messagesInPerSec]) => ({
      topic,
      messagesInPerSec,
      bytesInPerSec: bytes.get(topic) ?? null,
    })),
    groupsByLag: ranked('group', 'lag', 1).map(([groupId, lag]) => ({ groupId, type: groupTypes.get(groupId) ?? null, lag })),
    groupsByTimeLag: ranked('group', 'timeLagSeconds', Number.MIN_VALUE).map(([groupId, timeLagSeconds]) => ({
      groupId,
      type: groupTypes.get(groupId) ?? null,
      timeLagSeconds,
    })),
  };
}
