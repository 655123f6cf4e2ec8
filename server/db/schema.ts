// The console's own database: one schema for both engines (PGlite and PostgreSQL). After a change here run
// `npx drizzle-kit generate` and commit the new migration under server/db/migrations/; the console applies
// pending migrations itself on first use (server/db/open.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Every change and every 403 in the console, written before the response is sent. A change is written as
 * 'pending' before it runs and completed with its outcome once (the only update) — or, when the console stopped
 * before the outcome was known, settled as 'unknown' by the next one; refusals are final at once.
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
    outcome: text('outcome', { enum: ['pending', 'success', 'denied', 'failed', 'unknown'] }).notNull(),
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
    check('audit_log_outcome_check', sql`${t.outcome} in ('pending', 'success', 'denied', 'failed', 'unknown')`),
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

/**
 * Metrics history (server/metrics): one row per series, identified by cluster, scope ('cluster', 'topic',
 * 'broker', 'group'), key (topic name, broker id, group id; '' for the cluster), metric name and labels (canonical
 * JSON with sorted keys, '' for none: NULL would make every unlabelled series distinct in the unique index).
 * The tables below refer to series by id without foreign keys: their check on every row would double the cost of
 * a pass on PGlite, and a series is deleted only once no row mentions it (server/metrics/prune.ts).
 */
export const metricSeries = pgTable(
  'metric_series',
  {
    // int4 and never reused; a pass draws ids only for series that do not exist yet (server/metrics/series-ids.ts).
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clusterId: text('cluster_id').notNull(),
    scope: text('scope', { enum: ['cluster', 'topic', 'broker', 'group'] }).notNull(),
    key: text('key').notNull(),
    metric: text('metric').notNull(),
    labels: text('labels').notNull().default(''),
    unit: text('unit').notNull(),
  },
  (t) => [
    // Also a query's lookup: (cluster, scope, key) is its prefix.
    uniqueIndex('metric_series_identity_idx').on(t.clusterId, t.scope, t.key, t.metric, t.labels),
    check('metric_series_scope_check', sql`${t.scope} in ('cluster', 'topic', 'broker', 'group')`),
  ],
);

export type MetricSeriesRow = typeof metricSeries.$inferSelect;

/**
 * The latest points, one row per series per pass (step_ms 0: the raw value) or per minute (step_ms 60000: the
 * minute's average, float4-rounded as packed, and maximum), until their quarter of an hour is packed into
 * metric_raw / metric_rollups and deleted (server/metrics/pack.ts): a pass is an insert of narrow rows, never an
 * update. Appending each pass to per-series packed rows rewrites every row on every pass: measured, an hour of that
 * left 560 MB of dead row versions for 22,000 live rows and filled 1 GB of WAL. UNLOGGED (migration 0004, which
 * drizzle-kit cannot express): no WAL for it; a crash, not a clean shutdown, loses these ~20 minutes.
 */
export const metricRecent = pgTable(
  'metric_recent',
  {
    seriesId: integer('series_id').notNull(),
    stepMs: integer('step_ms').notNull(),
    time: bigint('time', { mode: 'number' }).notNull(),
    value: doublePrecision('value'),
    max: doublePrecision('max'),
  },
  (t) => [
    // The only index (each one costs every pass 5,500 more inserts): queries look up series; rollups scan the
    // table (it holds about 20 minutes), packing reads it in this order, grouped by series.
    primaryKey({ columns: [t.seriesId, t.stepMs, t.time] }),
    check('metric_recent_step_check', sql`${t.stepMs} in (0, 60000)`),
  ],
);

/**
 * Raw points packed per series: one row per series per 15 minutes (`bucket_start`, epoch ms), its points in time
 * order as parallel arrays of ms offsets from the bucket start (int4) and values (float8, so counts up to 2^53 read
 * back exactly; NULL = a pass without that value). Written once, when the 15 minutes are packed.
 */
export const metricRaw = pgTable(
  'metric_raw',
  {
    seriesId: integer('series_id').notNull(),
    bucketStart: bigint('bucket_start', { mode: 'number' }).notNull(),
    offsets: integer('offsets').array().notNull(),
    samples: doublePrecision('samples').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.bucketStart] }),
    // Pruning deletes by time across all series.
    index('metric_raw_bucket_idx').on(t.bucketStart),
  ],
);

/**
 * Rollups packed per series: 1-minute slots in rows of an hour, 15-minute slots in rows of a UTC day; slot i
 * (1-based) covers [bucket_start + (i - 1) * step_ms, + step_ms), a slot without data is NULL. Fixed slots need no
 * timestamps. float4: an average is an estimate already and 24 bits of mantissa are far below a chart's
 * resolution, at half the size of float8. Filled a quarter of an hour at a time (slice assignment).
 */
export const metricRollups = pgTable(
  'metric_rollups',
  {
    seriesId: integer('series_id').notNull(),
    stepMs: integer('step_ms').notNull(),
    bucketStart: bigint('bucket_start', { mode: 'number' }).notNull(),
    avg: real('avg').array().notNull(),
    max: real('max').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.stepMs, t.bucketStart] }),
    // Pruning deletes by time across all series (queries keep off it: server/metrics/query.ts).
    index('metric_rollups_bucket_idx').on(t.stepMs, t.bucketStart),
    check('metric_rollups_step_check', sql`${t.stepMs} in (60000, 900000)`),
  ],
);

/**
 * How far the rollups have got, by step_ms: 60000 — minutes rolled up (metric_recent rows); 900000 — quarters
 * packed (everything before it is in metric_raw / metric_rollups, 15-minute slots included).
 */
export const metricRollupState = pgTable('metric_rollup_state', {
  stepMs: integer('step_ms').primaryKey(),
  rolledUntil: bigint('rolled_until', { mode: 'number' }).notNull(),
});

/**
 * Alert rules made in the UI (rules from the configuration file are not stored). `spec` is the rule as the API
 * takes it (lib/schemas/alerts.ts), validated again whenever it is read.
 */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: text('id').primaryKey(),
    clusterId: text('cluster_id').notNull(),
    spec: jsonb('spec').$type<unknown>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('alert_rules_cluster_idx').on(t.clusterId)],
);

export type AlertRuleRow = typeof alertRules.$inferSelect;

/**
 * One row per alert from the pass that fired it to the pass that resolved it (`resolved_at`). At most one open row
 * per rule and subject (a group, a broker, a job, '' for the cluster): the unique index de-duplicates firing
 * across passes and across consoles sharing a PostgreSQL. Rule name and kind are copied: history outlives rules.
 */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ruleId: text('rule_id').notNull(),
    ruleName: text('rule_name').notNull(),
    kind: text('kind').notNull(),
    clusterId: text('cluster_id').notNull(),
    subject: text('subject').notNull(),
    value: doublePrecision('value'),
    message: text('message').notNull(),
    /** How it ended: the observation that cleared it, or why it was closed without one. */
    resolution: text('resolution'),
    muted: boolean('muted').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('alert_events_open_idx')
      .on(t.ruleId, t.clusterId, t.subject)
      .where(sql`resolved_at IS NULL`),
    index('alert_events_started_idx').on(t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('alert_events_rule_idx').on(t.ruleId, t.startedAt.desc().nullsFirst()),
  ],
);

export type AlertEventRow = typeof alertEvents.$inferSelect;

/**
 * A notification of an alert's firing or resolving to one channel, retried with backoff until sent or out of
 * attempts; `muted` when the rule was muted (kept so the history says why nothing was sent).
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer('event_id').notNull(),
    channelId: text('channel_id').notNull(),
    transition: text('transition', { enum: ['firing', 'resolved'] }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'muted'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3, mode: 'date' }),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, precision: 3, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3, mode: 'date' }),
  },
  (t) => [
    index('alert_deliveries_event_idx').on(t.eventId),
    index('alert_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    check('alert_deliveries_transition_check', sql`${t.transition} in ('firing', 'resolved')`),
    check('alert_deliveries_status_check', sql`${t.status} in ('pending', 'sent', 'failed', 'muted')`),
  ],
);

export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;

/**
 * A recurring preferred leader election per cluster (at most one): every `every_minutes`, for the whole cluster or
 * the topics / preferred-leader brokers of `scope`. `next_run_at` moves forward before a run (an atomic claim: of
 * several consoles sharing a PostgreSQL, one runs it); what the last run did is kept for the page.
 */
export const leaderElectionSchedules = pgTable('leader_election_schedules', {
  clusterId: text('cluster_id').primaryKey(),
  everyMinutes: integer('every_minutes').notNull(),
  scope: jsonb('scope').$type<{ topics?: string[]; brokers?: number[] }>().notNull().default({}),
  nextRunAt: timestamp('next_run_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true, precision: 3, mode: 'date' }),
  lastResult: jsonb('last_result').$type<unknown>(),
  createdBy: text('created_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
});

export type LeaderElectionScheduleRow = typeof leaderElectionSchedules.$inferSelect;
