import { z } from 'zod';
import { blankToUndefined, clusterIdSchema, epochMs, filterText, int64String, queryEpochMs } from '@/lib/schemas/common';

export const AUDIT_ACTOR_TYPES = ['user', 'token', 'anonymous'] as const;
export const AUDIT_OUTCOMES = ['pending', 'success', 'denied', 'failed', 'unknown'] as const;
export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;

export const auditActorTypeSchema = z.enum(AUDIT_ACTOR_TYPES);
export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);

/** `<resource>.<verb>`, e.g. `auth.login`, `topics.create`, `brokers.list`. */
const auditAction = z.string().min(1).max(200);

export const auditEntrySchema = z
  .object({
    /** int64 identity, as a decimal string; later entries have larger ids. */
    id: int64String,
    time: epochMs,
    /** Username, API-token name, or `anonymous`. */
    actor: z.string(),
    actorType: auditActorTypeSchema,
    role: z.string().nullable(),
    clusterId: z.string().nullable(),
    action: z.string(),
    /** What the action was about, e.g. a topic name. */
    target: z.string().nullable(),
    /** The request summary, with secrets replaced by "[redacted]". */
    summary: z.record(z.string(), z.unknown()),
    /**
     * `pending`: a change under way; `denied`: the console refused (403); `failed`: attempted and failed; `unknown`:
     * the console stopped before the change's outcome was known (settled at the next start, status 102).
     */
    outcome: auditOutcomeSchema,
    /** The HTTP status answered. */
    status: z.number().int().min(100).max(599),
    errorCode: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListResponseSchema = z
  .object({
    /** Entries matching the filters, across all pages. */
    total: z.number().int().nonnegative(),
    /** One page, newest first. */
    entries: z.array(auditEntrySchema),
  })
  .meta({ id: 'AuditListResponse' });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

/** What the server writes; it stamps `time` (now) unless given, and redacts `summary` itself. */
export const auditEntryInputSchema = z.object({
  time: epochMs.optional(),
  actor: z.string().min(1).max(200),
  actorType: auditActorTypeSchema,
  role: z.string().max(100).nullish(),
  clusterId: z.string().max(100).nullish(),
  action: auditAction,
  target: z.string().max(1000).nullish(),
  summary: z.record(z.string(), z.unknown()).optional(),
  outcome: auditOutcomeSchema,
  status: z.number().int().min(100).max(599),
  errorCode: z.string().max(100).nullish(),
  ip: z.string().max(100).nullish(),
});
export type AuditEntryInput = z.input<typeof auditEntryInputSchema>;

// Query strings: values arrive as strings, and an empty one (`?actor=`) means "no filter".
const param = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

/** Filters and paging of the audit log, from a URL's query string. `from` is inclusive, `to` exclusive. */
export const auditQuerySchema = z.object({
  from: param(queryEpochMs.optional()),
  to: param(queryEpochMs.optional()),
  actor: param(filterText(200).optional()),
  clusterId: param(clusterIdSchema.optional()),
  /** Exact (`topics.create`), or a prefix when it ends with `.` or `*` (`topics.`, `topics.*`, `topic*`). */
  action: param(filterText(200).min(1).optional()),
  outcome: param(auditOutcomeSchema.optional()),
  limit: param(z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT)),
  offset: param(z.coerce.number().int().nonnegative().default(0)),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
/** The filters alone (the CSV export ignores paging). */
export type AuditFilter = Omit<AuditQuery, 'limit' | 'offset'>;
