import { z } from 'zod';
import { blankToUndefined, clusterIdSchema, epochMs } from '@/lib/schemas/common';

/** What a rule watches; each kind has its own condition fields. */
export const ALERT_KINDS = [
  'group-lag',
  'group-time-lag',
  'group-status',
  'partitions-at-risk',
  'broker-missing',
  'reassignment-stalled',
] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** Burrow statuses worth an alert (OK never is). */
export const ALERTABLE_STATUSES = ['WARN', 'REWIND', 'STALL', 'STOP'] as const;
export const AT_RISK_CONDITIONS = ['offline', 'under-min-isr', 'under-replicated'] as const;
/** Webhook payload formats: a generic JSON document, Slack's incoming webhooks, DingTalk, Feishu and WeCom robots. */
export const CHANNEL_TYPES = ['generic', 'slack', 'dingtalk', 'feishu', 'wecom'] as const;
export const channelTypeSchema = z.enum(CHANNEL_TYPES);

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

/** Wildcards a pattern may hold: enough for any real scope, and a bound on the work of matching one name. */
export const MAX_PATTERN_WILDCARDS = 8;

/**
 * A name pattern: `*` any run of characters, `?` one character, everything else literal (case-sensitive, like Kafka).
 * Matched without a regex engine (server/glob.ts), in time bounded by pattern × name length.
 */
export const namePatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((p) => !/[\u0000-\u001f]/.test(p), 'no control characters')
  .refine((p) => (p.match(/[*?]/g) ?? []).length <= MAX_PATTERN_WILDCARDS, `at most ${MAX_PATTERN_WILDCARDS} wildcards (* and ?)`);

const common = {
  name: z.string().trim().min(1, 'give the rule a name').max(120),
  clusterId: clusterIdSchema,
  /** How long the condition must hold before the rule fires; 0 = at the first sampling pass that sees it. */
  forMinutes: z.number().min(0).max(1_440).default(0),
  /** Channel ids from the configuration's alerts.channels; none = history and the alerts page only. */
  channels: z.array(z.string().min(1)).max(10).refine(distinct, 'each channel once').default([]),
  /** A muted rule still fires and resolves in the history, but nothing is sent. */
  muted: z.boolean().default(false),
};
const groupScope = {
  /** Which consumer groups; none = all of the cluster's. */
  groupPattern: namePatternSchema.optional(),
  /** Only the lag, time lag or status on these topics; none = every topic the group reads. */
  topicPattern: namePatternSchema.optional(),
};

/** The rule kinds as one union, each member with `extra` fields too (an id in the config, the stored fields in answers). */
function ruleUnion<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('group-lag'),
        threshold: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        ...common,
        ...groupScope,
        ...extra,
      })
      .strict(),
    z
      .object({
        kind: z.literal('group-time-lag'),
        thresholdSeconds: z
          .number()
          .positive()
          .max(365 * 86_400),
        ...common,
        ...groupScope,
        ...extra,
      })
      .strict(),
    z
      .object({
        kind: z.literal('group-status'),
        statuses: z.array(z.enum(ALERTABLE_STATUSES)).min(1).refine(distinct, 'each status once').default(['STALL', 'STOP']),
        ...common,
        ...groupScope,
        ...extra,
      })
      .strict(),
    z
      .object({
        kind: z.literal('partitions-at-risk'),
        conditions: z
          .array(z.enum(AT_RISK_CONDITIONS))
          .min(1)
          .refine(distinct, 'each condition once')
          .default([...AT_RISK_CONDITIONS]),
        ...common,
        topicPattern: namePatternSchema.optional(),
        ...extra,
      })
      .strict(),
    z.object({ kind: z.literal('broker-missing'), ...common, ...extra }).strict(),
    z.object({ kind: z.literal('reassignment-stalled'), ...common, ...extra }).strict(),
  ]);
}

export const alertRuleInputSchema = ruleUnion({});
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRuleSpec = z.output<typeof alertRuleInputSchema>;

/** A rule's editable fields; `null` clears a pattern. Kind and cluster stay: a different watch is a new rule. */
export const alertRulePatchSchema = z
  .object({
    name: common.name,
    threshold: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    thresholdSeconds: z
      .number()
      .positive()
      .max(365 * 86_400),
    statuses: z.array(z.enum(ALERTABLE_STATUSES)).min(1),
    conditions: z.array(z.enum(AT_RISK_CONDITIONS)).min(1),
    groupPattern: namePatternSchema.nullable(),
    topicPattern: namePatternSchema.nullable(),
    forMinutes: z.number().min(0).max(1_440),
    channels: z.array(z.string().min(1)).max(10),
    muted: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type AlertRulePatch = z.infer<typeof alertRulePatchSchema>;

/** Ids of config rules and channels: written by people, shown in URLs and payloads. */
export const alertIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" and "-", at most 64');

/** A rule in the configuration file: the same fields with an id of its own. */
export const alertRuleConfigSchema = ruleUnion({ id: alertIdSchema });

export const alertRuleSchema = ruleUnion({
  id: z.string(),
  /** Rules from the configuration file are read-only here; the database's are managed by admins. */
  source: z.enum(['config', 'database']),
  createdBy: z.string().nullable(),
  createdAt: epochMs.nullable(),
  updatedAt: epochMs.nullable(),
  /** Alerts of this rule firing now. */
  firing: z.number().int().nonnegative(),
}).meta({ id: 'AlertRule' });
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertChannelSchema = z.object({ id: z.string(), name: z.string(), type: channelTypeSchema }).meta({ id: 'AlertChannel' });
export type AlertChannel = z.infer<typeof alertChannelSchema>;

export const alertRulesResponseSchema = z
  .object({ rules: z.array(alertRuleSchema), channels: z.array(alertChannelSchema) })
  .meta({ id: 'AlertRulesResponse' });
export type AlertRulesResponse = z.infer<typeof alertRulesResponseSchema>;

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'muted'] as const;

export const alertEventSchema = z
  .object({
    id: z.number().int().positive(),
    ruleId: z.string(),
    ruleName: z.string(),
    kind: alertKindSchema,
    clusterId: z.string(),
    /** What fired: a group id, a broker id, a reassignment job id; '' for the cluster as a whole. */
    subject: z.string(),
    state: z.enum(['firing', 'resolved']),
    /** The watched value when it fired (lag in messages, time lag in s, partitions at risk, …). */
    value: z.number().nullable(),
    message: z.string(),
    /** What ended it: the observation that cleared it, or why it was closed without one. */
    resolution: z.string().nullable(),
    /** The rule was muted when it fired: nothing was sent. */
    muted: z.boolean(),
    startedAt: epochMs,
    resolvedAt: epochMs.nullable(),
    deliveries: z.array(
      z.object({
        channelId: z.string(),
        transition: z.enum(['firing', 'resolved']),
        status: z.enum(DELIVERY_STATUSES),
        attempts: z.number().int().nonnegative(),
        lastError: z.string().nullable(),
        lastAttemptAt: epochMs.nullable(),
        sentAt: epochMs.nullable(),
      }),
    ),
  })
  .meta({ id: 'AlertEvent' });
export type AlertEvent = z.infer<typeof alertEventSchema>;

export const alertEventsQuerySchema = z.object({
  state: z.preprocess(blankToUndefined, z.enum(['firing', 'resolved']).optional()),
  clusterId: z.preprocess(blankToUndefined, clusterIdSchema.optional()),
  ruleId: z.preprocess(blankToUndefined, alertIdSchema.optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
  offset: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(0)),
});
export type AlertEventsQuery = z.output<typeof alertEventsQuerySchema>;

export const alertEventsResponseSchema = z
  .object({ total: z.number().int().nonnegative(), events: z.array(alertEventSchema) })
  .meta({ id: 'AlertEventsResponse' });
export type AlertEventsResponse = z.infer<typeof alertEventsResponseSchema>;

/** DELETE /api/v1/alerts/rules/{ruleId} answers the deleted rule's id. */
export const deleteAlertRuleResponseSchema = z.object({ deleted: z.string() });
