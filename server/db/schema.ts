// The console's own database: one schema for both engines (PGlite and PostgreSQL). After a change here run
// `npx drizzle-kit generate` and commit the new migration under server/db/migrations/; the console applies
// pending migrations itself on first use (server/db/open.ts).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every change and every 403 in the console, written before the response is sent. A change is written as
 * 'pending' before it runs and completed with its outcome once (the only update); refusals are final at once.
 * `time` keeps milliseconds only (precision 3), so the epoch ms the API returns filters back exactly.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    time: timestamp('time', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
    /** Username, API-token name, or 'anonymous'. */
    actor: text('actor').notNull(),
    actorType: text('actor_type', { enum: ['user', 'token', 'anonymous'] }).notNull(),
    role: text('role'),
    clusterId: text('cluster_id'),
    /** `<resource>.<verb>`, e.g. 'auth.login', 'topics.create'. */
    action: text('action').notNull(),
    /** What the action was about, e.g. a topic name. */
    target: text('target'),
    /** The request summary, secrets redacted (server/audit/redact.ts). */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    outcome: text('outcome', { enum: ['pending', 'success', 'denied', 'failed'] }).notNull(),
    status: integer('status').notNull(),
    errorCode: text('error_code'),
    ip: text('ip'),
  },
  (t) => [
    // Lists are newest first, `order by time desc, id desc` (id breaks ties within a millisecond). The index
    // order must match it exactly, NULLS FIRST included (the default of DESC), or the planner sorts instead.
    index('audit_log_time_idx').on(t.time.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_log_actor_idx').on(t.actor, t.time.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_log_cluster_idx').on(t.clusterId, t.time.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // text_pattern_ops: the action filter is also a prefix (LIKE 'topics.%'), whatever the database's collation.
    index('audit_log_action_idx').on(t.action.op('text_pattern_ops'), t.time.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('audit_log_actor_type_check', sql`${t.actorType} in ('user', 'token', 'anonymous')`),
    check('audit_log_outcome_check', sql`${t.outcome} in ('pending', 'success', 'denied', 'failed')`),
    check('audit_log_status_check', sql`${t.status} between 100 and 599`),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;

/**
 * Brokers the console has seen per cluster: one seen before and now missing from Metadata counts as down
 * (Metadata lists live brokers only). Forgetting a decommissioned broker is an explicit admin action.
 */
export const knownBrokers = pgTable(
  'known_brokers',
  {
    clusterId: text('cluster_id').notNull(),
    brokerId: integer('broker_id').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    rack: text('rack'),
    firstSeen: timestamp('first_seen', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
    lastSeen: timestamp('last_seen', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.brokerId] })],
);

export type KnownBrokerRow = typeof knownBrokers.$inferSelect;

/**
 * Partition reassignment jobs: the plan, its rollback and the throttle, persisted before anything is submitted to
 * Kafka, so a console restart resumes monitoring. `progress` is the worker's view (per-partition states, bytes,
 * recent byte readings), rewritten on each pass. A worker owns a running job through a lease: with several
 * consoles on one PostgreSQL, only the lease holder drives it; a lease not renewed expires and another takes over.
 */
export const reassignmentJobs = pgTable(
  'reassignment_jobs',
  {
    id: text('id').primaryKey(),
    clusterId: text('cluster_id').notNull(),
    state: text('state', { enum: ['running', 'completed', 'cancelled', 'failed'] }).notNull(),
    /** Within running: submitting chunks, moving, cancelling, or clearing throttles before completing. */
    phase: text('phase').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    throttleBytesPerSec: bigint('throttle_bytes_per_sec', { mode: 'number' }),
    /** kafka-reassign-partitions JSON: the target assignment, and the assignment before (the rollback). */
    plan: jsonb('plan').$type<unknown>().notNull(),
    rollback: jsonb('rollback').$type<unknown>().notNull(),
    rollbackOf: text('rollback_of'),
    message: text('message'),
    progress: jsonb('progress').$type<unknown>().notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true, precision: 3, mode: 'date' }),
  },
  (t) => [
    index('reassignment_jobs_cluster_idx').on(t.clusterId, t.createdAt.desc().nullsFirst()),
    index('reassignment_jobs_running_idx').on(t.state),
    check('reassignment_jobs_state_check', sql`${t.state} in ('running', 'completed', 'cancelled', 'failed')`),
  ],
);

export type ReassignmentJobRow = typeof reassignmentJobs.$inferSelect;
