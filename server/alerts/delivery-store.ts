import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { AlertKind } from '@/lib/schemas/alerts';
import type { Db } from '@/server/db/types';
import { alertDeliveries } from '@/server/db/schema';
import { dbOr, queryRows } from '@/server/db/sql';

/** A notification to send: the delivery and the alert it tells of. */
export type DueDelivery = {
  id: number;
  channelId: string;
  transition: 'firing' | 'resolved';
  attempts: number;
  event: {
    id: number;
    ruleId: string;
    ruleName: string;
    kind: AlertKind;
    clusterId: string;
    subject: string;
    value: number | null;
    message: string;
    resolution: string | null;
    startedAt: number;
    resolvedAt: number | null;
  };
};

type Row = {
  id: number;
  channel_id: string;
  transition: 'firing' | 'resolved';
  attempts: number;
  event_id: number;
  rule_id: string;
  rule_name: string;
  kind: AlertKind;
  cluster_id: string;
  subject: string;
  value: number | null;
  message: string;
  resolution: string | null;
  started_at: string | Date;
  resolved_at: string | Date | null;
};

const ms = (value: string | Date) => new Date(value).getTime();

/**
 * Takes up to `limit` deliveries that are due, oldest first, and moves their next attempt to `leaseUntil` before
 * sending, so another console sharing the database (or this one's next round) does not send them too. SKIP
 * LOCKED: two consoles claiming at once take different rows.
 */
export async function claimDueDeliveries(now: number, leaseUntil: number, limit: number, given?: Db): Promise<DueDelivery[]> {
  const db = await dbOr(given);
  const rows = await queryRows<Row>(
    db,
    sql`WITH due AS (
      SELECT id FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= ${new Date(now).toISOString()}::timestamptz
      ORDER BY next_attempt_at, id LIMIT ${limit}::int4 FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE alert_deliveries d SET next_attempt_at = ${new Date(leaseUntil).toISOString()}::timestamptz FROM due WHERE d.id = due.id
      RETURNING d.id, d.channel_id, d.transition, d.attempts, d.event_id
    )
    SELECT c.*, e.rule_id, e.rule_name, e.kind, e.cluster_id, e.subject, e.value, e.message, e.resolution, e.started_at, e.resolved_at
    FROM claimed c JOIN alert_events e ON e.id = c.event_id ORDER BY c.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channel_id,
    transition: r.transition,
    attempts: r.attempts,
    event: {
      id: r.event_id,
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      kind: r.kind,
      clusterId: r.cluster_id,
      subject: r.subject,
      value: r.value === null ? null : Number(r.value),
      message: r.message,
      resolution: r.resolution,
      startedAt: ms(r.started_at),
      resolvedAt: r.resolved_at === null ? null : ms(r.resolved_at),
    },
  }));
}

/**
 * Records an attempt: sent; or failed with the error, tried again after the next of `retryDelaysMs` (attempt n
 * waits retryDelaysMs[n - 1]) until they run out, then failed for good.
 */
export async function finishDelivery(
  delivery: Pick<DueDelivery, 'id' | 'attempts'>,
  outcome: { ok: true } | { ok: false; error: string },
  { now, retryDelaysMs }: { now: number; retryDelaysMs: readonly number[] },
  given?: Db,
) {
  const db = await dbOr(given);
  const attempts = delivery.attempts + 1;
  const common = { attempts, lastAttemptAt: new Date(now) };
  if (outcome.ok) {
    await db
      .update(alertDeliveries)
      .set({ ...common, status: 'sent', sentAt: new Date(now), nextAttemptAt: null, lastError: null })
      .where(eq(alertDeliveries.id, delivery.id));
    return;
  }
  const wait = retryDelaysMs[attempts - 1];
  await db
    .update(alertDeliveries)
    .set({
      ...common,
      lastError: outcome.error.slice(0, 500),
      status: wait === undefined ? 'failed' : 'pending',
      nextAttemptAt: wait === undefined ? null : new Date(now + wait),
    })
    .where(eq(alertDeliveries.id, delivery.id));
}
