import 'server-only';
import { and, count, desc, eq, gte, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import { ZodError } from 'zod';
import {
  auditEntryInputSchema,
  auditQuerySchema,
  type AuditEntry,
  type AuditEntryInput,
  type AuditFilter,
  type AuditQuery,
} from '@/lib/schemas/audit';
import { auditEntriesToCsv } from '@/server/audit/csv';
import { fitText, redactSummaryObject, toStorableText } from '@/server/audit/redact';
import { getDb } from '@/server/db/client';
import type { Db } from '@/server/db/types';
import { auditLog, type AuditLogRow } from '@/server/db/schema';

/**
 * The CSV export's hard cap, newest first: 10,000 rows keep the answer to a few MB built in memory. Whoever
 * needs more narrows the time range (`from`/`to`) and exports again; `listAudit(...).total` tells if rows were cut.
 */
export const AUDIT_CSV_MAX_ROWS = 10_000;

// Every store function takes an optional db (tests); routes use the process's database.
const dbOr = async (db: Db | undefined) => db ?? (await getDb());
const storable = (text: string | null | undefined) => (text == null ? null : toStorableText(text));

/**
 * Writes one entry, cutting over-long values to their columns (with a hash of the whole) and redacting its summary
 * first; resolves to the stored entry. Throws when the entry cannot be
 * written (invalid input, database down): the caller must then refuse the change it was about to make.
 */
/** Column widths of the audit log (lib/schemas/audit.ts): longer values are cut to fit, never refused. */
const WIDTHS = { actor: 200, role: 100, clusterId: 100, action: 200, target: 1_000, errorCode: 100, ip: 100 } as const;

function fitted(input: AuditEntryInput): AuditEntryInput {
  const out: AuditEntryInput = { ...input };
  for (const [field, max] of Object.entries(WIDTHS) as [keyof typeof WIDTHS, number][]) {
    const value = out[field];
    if (typeof value === 'string') (out as Record<string, unknown>)[field] = fitText(value, max);
  }
  return out;
}

export async function recordAudit(input: AuditEntryInput, db?: Db): Promise<AuditEntry> {
  let entry;
  try {
    entry = auditEntryInputSchema.parse(fitted(input));
  } catch (error) {
    // A bug in the caller, not the client's input: it must not turn into a 422 for the client.
    const detail = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(error);
    throw new Error(`Invalid audit entry: ${detail}`, { cause: error });
  }
  try {
    const [row] = await (
      await dbOr(db)
    )
      .insert(auditLog)
      .values({
        ...(entry.time !== undefined ? { time: new Date(entry.time) } : {}),
        actor: toStorableText(entry.actor),
        actorType: entry.actorType,
        role: storable(entry.role),
        clusterId: storable(entry.clusterId),
        action: toStorableText(entry.action),
        target: storable(entry.target),
        summary: redactSummaryObject(entry.summary),
        outcome: entry.outcome,
        status: entry.status,
        errorCode: storable(entry.errorCode),
        ip: storable(entry.ip),
      })
      .returning();
    if (!row) throw new Error('the insert returned no row');
    return toEntry(row);
  } catch (error) {
    throw new Error(`Cannot write the audit log: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Completes a change's pending entry with its outcome; an entry already completed is left alone. */
export async function completeAudit(
  id: string,
  result: { outcome: 'success' | 'failed'; status: number; errorCode: string | null },
  db?: Db,
): Promise<void> {
  await (
    await dbOr(db)
  )
    .update(auditLog)
    .set({ outcome: result.outcome, status: result.status, errorCode: storable(result.errorCode) })
    .where(and(eq(auditLog.id, BigInt(id)), eq(auditLog.outcome, 'pending')));
}

/**
 * Changes still pending after `olderThanMs` were cut off by a console that stopped (every change has a deadline far
 * shorter): they become `unknown` — the console cannot tell whether Kafka carried them out. Returns how many.
 */
export async function settleAbandonedChanges(olderThanMs: number, db?: Db): Promise<number> {
  const rows = await (
    await dbOr(db)
  )
    .update(auditLog)
    .set({ outcome: 'unknown', errorCode: 'OUTCOME_UNKNOWN' })
    .where(and(eq(auditLog.outcome, 'pending'), lt(auditLog.time, new Date(Date.now() - olderThanMs))))
    .returning({ id: auditLog.id });
  return rows.length;
}

/**
 * Which entries a reader may see: `null` every entry (an admin of every cluster); a list of cluster ids only the
 * entries of those clusters — not the ones of no cluster (logins, alert rules), which concern the whole console.
 */
export type AuditScope = readonly string[] | null;

/** One page of entries matching the filters within the scope, newest first, and how many match in all. */
export async function listAudit(
  query: Partial<AuditQuery> = {},
  scope: AuditScope = null,
  db?: Db,
): Promise<{ total: number; entries: AuditEntry[] }> {
  const { limit, offset, ...filter } = auditQuerySchema.parse(query);
  const database = await dbOr(db);
  const where = whereOf(filter, scope);
  const [rows, counted] = await Promise.all([
    database.select().from(auditLog).where(where).orderBy(desc(auditLog.time), desc(auditLog.id)).limit(limit).offset(offset),
    database.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { total: counted[0]?.total ?? 0, entries: rows.map(toEntry) };
}

/** The entries matching the filters as CSV, newest first, at most AUDIT_CSV_MAX_ROWS; paging is ignored. */
export async function auditCsv(query: Partial<AuditFilter> = {}, scope: AuditScope = null, db?: Db): Promise<string> {
  const { limit: _limit, offset: _offset, ...filter } = auditQuerySchema.parse(query);
  const rows = await (
    await dbOr(db)
  )
    .select()
    .from(auditLog)
    .where(whereOf(filter, scope))
    .orderBy(desc(auditLog.time), desc(auditLog.id))
    .limit(AUDIT_CSV_MAX_ROWS);
  return auditEntriesToCsv(rows.map(toEntry));
}

/**
 * `topics.` and `topics.*` match every action starting with `topics.`; anything else matches exactly.
 * Returns the prefix, or null for an exact match.
 */
export function actionPrefix(action: string): string | null {
  if (action.endsWith('*')) return action.slice(0, -1);
  if (action.endsWith('.')) return action;
  return null;
}

// LIKE's wildcards in a prefix are literal characters (backslash is LIKE's default escape).
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(filter: AuditFilter, scope: AuditScope): SQL | undefined {
  const conditions: SQL[] = [];
  if (scope !== null) conditions.push(scope.length > 0 ? inArray(auditLog.clusterId, [...scope]) : sql`false`);
  if (filter.from !== undefined) conditions.push(gte(auditLog.time, new Date(filter.from)));
  if (filter.to !== undefined) conditions.push(lt(auditLog.time, new Date(filter.to)));
  // Filters go through the same text normalization as the stored values (a NUL would make PostgreSQL fail).
  if (filter.actor !== undefined) conditions.push(eq(auditLog.actor, toStorableText(filter.actor)));
  if (filter.clusterId !== undefined) conditions.push(eq(auditLog.clusterId, filter.clusterId));
  if (filter.action !== undefined) {
    const action = toStorableText(filter.action);
    const prefix = actionPrefix(action);
    conditions.push(prefix === null ? eq(auditLog.action, action) : like(auditLog.action, `${escapeLike(prefix)}%`));
  }
  if (filter.outcome !== undefined) conditions.push(eq(auditLog.outcome, filter.outcome));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function toEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id.toString(),
    time: row.time.getTime(),
    actor: row.actor,
    actorType: row.actorType,
    role: row.role,
    clusterId: row.clusterId,
    action: row.action,
    target: row.target,
    summary: row.summary,
    outcome: row.outcome,
    status: row.status,
    errorCode: row.errorCode,
    ip: row.ip,
  };
}
