import 'server-only';
import { and, count, desc, eq, inArray, isNull, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { AlertEvent, AlertEventsQuery, AlertKind } from '@/lib/schemas/alerts';
import type { Db } from '@/server/db/types';
import { alertDeliveries, alertEvents } from '@/server/db/schema';
import { dbOr } from '@/server/db/sql';
import type { Observation, RuleWithId } from '@/server/alerts/observe';
import type { OpenAlert } from '@/server/alerts/transitions';

const at = (time: number) => new Date(time);

export async function openAlerts(clusterId: string, given?: Db): Promise<OpenAlert[]> {
  const db = await dbOr(given);
  return db
    .select({ id: alertEvents.id, ruleId: alertEvents.ruleId, subject: alertEvents.subject })
    .from(alertEvents)
    .where(and(eq(alertEvents.clusterId, clusterId), isNull(alertEvents.resolvedAt)));
}

/** Alerts firing now per rule id. */
export async function firingCounts(given?: Db): Promise<Map<string, number>> {
  const db = await dbOr(given);
  const rows = await db
    .select({ ruleId: alertEvents.ruleId, n: count() })
    .from(alertEvents)
    .where(isNull(alertEvents.resolvedAt))
    .groupBy(alertEvents.ruleId);
  return new Map(rows.map((r) => [r.ruleId, Number(r.n)]));
}

/**
 * Opens an alert and queues its notifications (muted ones are recorded as such), in one transaction. Resolves to
 * the new alert's id, or null when one is open already for the rule and subject (another pass or another console
 * fired it first: the partial unique index decides).
 */
export async function fireAlert(
  { clusterId, rule, observation, now }: { clusterId: string; rule: RuleWithId; observation: Observation; now: number },
  given?: Db,
): Promise<number | null> {
  const db = await dbOr(given);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(alertEvents)
      .values({
        ruleId: rule.id,
        ruleName: rule.name,
        kind: rule.kind,
        clusterId,
        subject: observation.subject,
        value: observation.value,
        message: observation.message,
        muted: rule.muted,
        startedAt: at(now),
      })
      .onConflictDoNothing({ target: [alertEvents.ruleId, alertEvents.clusterId, alertEvents.subject], where: sql`resolved_at IS NULL` })
      .returning({ id: alertEvents.id });
    if (!row) return null;
    if (rule.channels.length > 0) {
      await tx.insert(alertDeliveries).values(
        rule.channels.map((channelId) => ({
          eventId: row.id,
          channelId,
          transition: 'firing' as const,
          status: rule.muted ? ('muted' as const) : ('pending' as const),
          nextAttemptAt: rule.muted ? null : at(now),
        })),
      );
    }
    return row.id;
  });
}

/**
 * Closes an open alert with what ended it. With `notify`, the channels told of its firing are told of its end too
 * (muted when the rule is muted now); nothing when none was told. False when it was closed already.
 */
export async function resolveAlert(
  { alertId, resolution, now, notify }: { alertId: number; resolution: string; now: number; notify: { muted: boolean } | null },
  given?: Db,
): Promise<boolean> {
  const db = await dbOr(given);
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(alertEvents)
      .set({ resolvedAt: at(now), resolution })
      .where(and(eq(alertEvents.id, alertId), isNull(alertEvents.resolvedAt)))
      .returning({ id: alertEvents.id });
    if (closed.length === 0 || !notify) return closed.length > 0;
    const told = await tx
      .selectDistinct({ channelId: alertDeliveries.channelId })
      .from(alertDeliveries)
      .where(and(eq(alertDeliveries.eventId, alertId), eq(alertDeliveries.transition, 'firing'), ne(alertDeliveries.status, 'muted')));
    if (told.length > 0) {
      await tx.insert(alertDeliveries).values(
        told.map(({ channelId }) => ({
          eventId: alertId,
          channelId,
          transition: 'resolved' as const,
          status: notify.muted ? ('muted' as const) : ('pending' as const),
          nextAttemptAt: notify.muted ? null : at(now),
        })),
      );
    }
    return true;
  });
}

/** The history, newest first, with each alert's deliveries; `clusters` null = every cluster. */
export async function listEvents(
  query: AlertEventsQuery,
  clusters: readonly string[] | null,
  given?: Db,
): Promise<{ total: number; events: AlertEvent[] }> {
  const db = await dbOr(given);
  const filters: SQL[] = [];
  if (query.state === 'firing') filters.push(isNull(alertEvents.resolvedAt));
  if (query.state === 'resolved') filters.push(isNotNull(alertEvents.resolvedAt));
  if (query.clusterId) filters.push(eq(alertEvents.clusterId, query.clusterId));
  if (query.ruleId) filters.push(eq(alertEvents.ruleId, query.ruleId));
  if (clusters) filters.push(clusters.length ? inArray(alertEvents.clusterId, [...clusters]) : sql`false`);
  const where = filters.length ? and(...filters) : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(alertEvents).where(where);
  const rows = await db
    .select()
    .from(alertEvents)
    .where(where)
    .orderBy(desc(alertEvents.startedAt), desc(alertEvents.id))
    .limit(query.limit)
    .offset(query.offset);
  const deliveries = rows.length
    ? await db
        .select()
        .from(alertDeliveries)
        .where(
          inArray(
            alertDeliveries.eventId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(alertDeliveries.id)
    : [];
  const events = rows.map((row): AlertEvent => ({
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    kind: row.kind as AlertKind,
    clusterId: row.clusterId,
    subject: row.subject,
    state: row.resolvedAt ? 'resolved' : 'firing',
    value: row.value,
    message: row.message,
    resolution: row.resolution,
    muted: row.muted,
    startedAt: row.startedAt.getTime(),
    resolvedAt: row.resolvedAt?.getTime() ?? null,
    deliveries: deliveries
      .filter((d) => d.eventId === row.id)
      .map((d) => ({
        channelId: d.channelId,
        transition: d.transition,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        lastAttemptAt: d.lastAttemptAt?.getTime() ?? null,
        sentAt: d.sentAt?.getTime() ?? null,
      })),
  }));
  return { total: Number(total), events };
}
