import 'server-only';
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { alertRuleInputSchema, type AlertRuleSpec } from '@/lib/schemas/alerts';
import type { Db } from '@/server/db/types';
import { alertRules, type AlertRuleRow } from '@/server/db/schema';
import type { RuleWithId } from '@/server/alerts/observe';
import { dbOr } from '@/server/db/sql';

/** A rule made in the UI, as stored. */
export type StoredRule = RuleWithId & { createdBy: string; createdAt: number; updatedAt: number };

/** A stored spec is checked again when read: one written by an older version that no longer parses is skipped (and logged), never evaluated. */
function toRule(row: AlertRuleRow): StoredRule | null {
  const parsed = alertRuleInputSchema.safeParse(row.spec);
  if (!parsed.success) {
    console.warn(
      `kafka-console: alert rule ${row.id} in the database is not valid any more and is ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
    return null;
  }
  return { ...parsed.data, id: row.id, createdBy: row.createdBy, createdAt: row.createdAt.getTime(), updatedAt: row.updatedAt.getTime() };
}

export async function listStoredRules(given?: Db): Promise<StoredRule[]> {
  const db = await dbOr(given);
  const rows = await db.select().from(alertRules).orderBy(asc(alertRules.createdAt), asc(alertRules.id));
  return rows.map(toRule).filter((r): r is StoredRule => r !== null);
}

export async function findStoredRule(id: string, given?: Db): Promise<StoredRule | null> {
  const db = await dbOr(given);
  const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id));
  return row ? toRule(row) : null;
}

export async function insertStoredRule(spec: AlertRuleSpec, createdBy: string, given?: Db): Promise<StoredRule> {
  const db = await dbOr(given);
  const [row] = await db.insert(alertRules).values({ id: randomUUID(), clusterId: spec.clusterId, spec, createdBy }).returning();
  return toRule(row!)!;
}

export async function updateStoredRule(id: string, spec: AlertRuleSpec, given?: Db): Promise<StoredRule | null> {
  const db = await dbOr(given);
  const [row] = await db
    .update(alertRules)
    .set({ spec, clusterId: spec.clusterId, updatedAt: new Date() })
    .where(eq(alertRules.id, id))
    .returning();
  return row ? toRule(row) : null;
}

export async function deleteStoredRule(id: string, given?: Db): Promise<boolean> {
  const db = await dbOr(given);
  const deleted = await db.delete(alertRules).where(eq(alertRules.id, id)).returning({ id: alertRules.id });
  return deleted.length > 0;
}
