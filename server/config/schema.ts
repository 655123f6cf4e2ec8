import { isIP } from 'node:net';
import { z } from 'zod';
import { alertIdSchema, alertRuleConfigSchema, channelTypeSchema } from '@/lib/schemas/alerts';
import { roleSchema } from '@/lib/schemas/auth';
import { clusterIdSchema } from '@/lib/schemas/common';
import { maskingRuleSchema } from '@/server/messages/masking-rules';
import { DAY_MS, DEFAULT_METRICS_RETENTION, HOUR_MS, MINUTE_MS } from '@/server/metrics/retention';

/** A secret is an inline string, `{ "env": NAME }` or `{ "file": PATH }`; it is resolved on the server only. */
export const secretSchema = z.union([
  z.string().min(1),
  z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name') }).strict(),
  z.object({ file: z.string().min(1) }).strict(),
]);
export type SecretRef = z.infer<typeof secretSchema>;

const hostPort = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'host:port, e.g. kafka-1:9092');

const saslSchema = z
  .object({
    mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
    username: z.string().min(1),
    password: secretSchema,
  })
  .strict();

const sslSchema = z.union([
  z.boolean(),
  z
    .object({
      ca: secretSchema.optional(),
      cert: secretSchema.optional(),
      key: secretSchema.optional(),
      /** Only for test clusters with self-signed certificates. */
      rejectUnauthorized: z.boolean().default(true),
    })
    .strict(),
]);

/** The consumer-lag sampler (time lag, catch-up ETA, Burrow-style status); a cluster's `lag` overrides any field. */
const lagFields = {
  /** false: no sampler (no time lag, no status) for the cluster(s). */
  enabled: z.boolean(),
  /** Time between two samples of every group's offsets. */
  intervalMs: z.number().int().min(1_000).max(3_600_000),
  /** Samples the status is evaluated over (Burrow's window); status is null until it has filled. */
  window: z.number().int().min(2).max(100),
  /** Burrow's allowed lag: a partition at or below it is OK. */
  allowedLag: z.number().int().nonnegative(),
};
export const LAG_DEFAULTS = { enabled: true, intervalMs: 15_000, window: 10, allowedLag: 0 };
const lagSchema = z
  .object({
    enabled: lagFields.enabled.default(LAG_DEFAULTS.enabled),
    intervalMs: lagFields.intervalMs.default(LAG_DEFAULTS.intervalMs),
    window: lagFields.window.default(LAG_DEFAULTS.window),
    allowedLag: lagFields.allowedLag.default(LAG_DEFAULTS.allowedLag),
  })
  .strict();
export type LagSettings = z.infer<typeof lagSchema>;

export const clusterConfigSchema = z
  .object({
    id: clusterIdSchema,
    name: z.string().min(1).max(100),
    brokers: z.array(hostPort).min(1),
    readOnly: z.boolean().default(false),
    sasl: saslSchema.optional(),
    ssl: sslSchema.optional(),
    connectionTimeoutMs: z.number().int().min(100).max(60_000).default(3_000),
    requestTimeoutMs: z.number().int().min(500).max(120_000).default(8_000),
    /** The most partitions the console creates a topic with or raises one to (Kafka accepts up to 2^31 - 1). */
    maxPartitionsPerTopic: z.number().int().min(1).max(1_000_000).default(10_000),
    lag: z.object(lagFields).partial().strict().optional(),
  })
  .strict();
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;

/** Cluster ids a principal may see; absent = all clusters. */
const clusterScope = z.array(clusterIdSchema).optional();

const userSchema = z
  .object({
    username: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'letters, digits, ".", "_", "@", "-"; at most 64'),
    /** bcrypt hash ($2a$/$2b$/$2y$), as printed by `npm run console -- hash-password`. */
    passwordHash: z.string().regex(/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/, 'a bcrypt hash (npm run console -- hash-password)'),
    role: roleSchema,
    clusters: clusterScope,
    disabled: z.boolean().default(false),
  })
  .strict();
export type UserConfig = z.infer<typeof userSchema>;

const apiTokenSchema = z
  .object({
    name: z.string().min(1).max(64),
    role: roleSchema,
    /** Lowercase hex SHA-256 of the token's UTF-8 bytes; the token itself is never stored. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256 (npm run console -- token create)'),
    clusters: clusterScope,
    disabled: z.boolean().default(false),
  })
  .strict();
export type ApiTokenConfig = z.infer<typeof apiTokenSchema>;

const oidcSchema = z
  .object({
    issuer: z.url(),
    clientId: z.string().min(1),
    clientSecret: secretSchema,
    /** Button label on the login page. */
    name: z.string().default('Single sign-on'),
    /** The claim holding group or role names, e.g. "groups" or "roles". */
    roleClaim: z.string().default('groups'),
    /** Claim value → console role; the most powerful match wins. */
    roleMapping: z.record(z.string(), roleSchema).default({}),
    /** Role for a login whose claims match nothing; absent = refuse the login. */
    defaultRole: roleSchema.optional(),
    clusters: clusterScope,
    /** SSO users refused from now on, by the name the console shows (preferred_username, else email, else sub). */
    disabledUsers: z.array(z.string().min(1)).max(10_000).default([]),
    /**
     * How old an SSO user's role may be: past this the console asks the provider's userinfo endpoint again (with the
     * user's access token) and applies the answer; a refused token, a claim that maps to no role, or a provider that
     * does not answer ends the session. At most 5 minutes.
     */
    recheckSeconds: z.number().int().min(5).max(300).default(300),
  })
  .strict();
export type OidcConfig = z.infer<typeof oidcSchema>;

const authSchema = z
  .object({
    users: z.array(userSchema).default([]),
    apiTokens: z.array(apiTokenSchema).default([]),
    oidc: oidcSchema.optional(),
    /** The roles table leaves producing to operators as a choice. */
    operatorsMayProduce: z.boolean().default(false),
  })
  .strict()
  .refine((auth) => new Set(auth.users.map((u) => u.username.toLowerCase())).size === auth.users.length, 'usernames must be unique')
  .refine((auth) => new Set(auth.apiTokens.map((t) => t.name)).size === auth.apiTokens.length, 'API token names must be unique');

/** The reassignment worker: how often it checks running jobs, how many partitions move at once, when a job stalls. */
export const REASSIGN_DEFAULTS = { pollMs: 2_000, maxMovingPartitions: 50, stallAfterMs: 120_000 };
const reassignSchema = z
  .object({
    pollMs: z.number().int().min(200).max(60_000).default(REASSIGN_DEFAULTS.pollMs),
    /** Partitions submitted at once; the next chunk goes when some of them are done (Kafka's tool submits all at once). */
    maxMovingPartitions: z.number().int().min(1).max(10_000).default(REASSIGN_DEFAULTS.maxMovingPartitions),
    /** No byte copied for this long while partitions move: the job is shown as stalled. */
    stallAfterMs: z.number().int().min(1_000).max(86_400_000).default(REASSIGN_DEFAULTS.stallAfterMs),
  })
  .strict();
export type ReassignSettings = z.infer<typeof reassignSchema>;

/**
 * Throughput and backlog history: every lag-sampler pass is derived and stored (server/metrics/), so it needs
 * `lag.enabled`. `recordIn`: "server" records in the console's own process; "sampler" leaves it to a separate
 * `npm run sampler` process on the same PostgreSQL (the server then only reads). Retention per resolution in ms.
 * `logDirsEveryMs`: the sampler reads replica sizes (DescribeLogDirs, one large answer per broker) at most this
 * often; between those reads bytes/s is messages/s times the bytes per message last measured (0: every pass).
 */
export const METRICS_DEFAULTS = {
  enabled: true,
  recordIn: 'server' as const,
  logDirsEveryMs: 60_000,
  retention: { ...DEFAULT_METRICS_RETENTION },
};
const metricsSchema = z
  .object({
    enabled: z.boolean().default(METRICS_DEFAULTS.enabled),
    recordIn: z.enum(['server', 'sampler']).default(METRICS_DEFAULTS.recordIn),
    logDirsEveryMs: z.number().int().min(0).max(3_600_000).default(METRICS_DEFAULTS.logDirsEveryMs),
    retention: z
      .object({
        rawMs: z
          .number()
          .int()
          .min(15 * MINUTE_MS)
          .max(7 * DAY_MS)
          .default(DEFAULT_METRICS_RETENTION.rawMs),
        oneMinuteMs: z
          .number()
          .int()
          .min(HOUR_MS)
          .max(30 * DAY_MS)
          .default(DEFAULT_METRICS_RETENTION.oneMinuteMs),
        fifteenMinuteMs: z
          .number()
          .int()
          .min(DAY_MS)
          .max(400 * DAY_MS)
          .default(DEFAULT_METRICS_RETENTION.fifteenMinuteMs),
      })
      .strict()
      .default({ ...DEFAULT_METRICS_RETENTION }),
  })
  .strict();
export type MetricsSettings = z.infer<typeof metricsSchema>;

/**
 * Alerting: webhook channels (their URLs are secrets: a Slack or DingTalk URL holds its token), rules that are
 * read-only in the UI, and how deliveries are retried. Rules made in the UI live in the console database.
 */
export const ALERTS_DEFAULTS = { channels: [], rules: [], retryDelaysMs: [10_000, 60_000, 300_000, 900_000], timeoutMs: 5_000 };
const alertsSchema = z
  .object({
    channels: z
      .array(
        z.object({ id: alertIdSchema, name: z.string().min(1).max(120).optional(), type: channelTypeSchema, url: secretSchema }).strict(),
      )
      .default([])
      .refine((channels) => new Set(channels.map((c) => c.id)).size === channels.length, 'channel ids must be unique'),
    rules: z
      .array(alertRuleConfigSchema)
      .default([])
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
    /** Waits between a failed delivery and the next attempt; when they run out the delivery is failed. */
    retryDelaysMs: z.array(z.number().int().min(100).max(86_400_000)).max(10).default(ALERTS_DEFAULTS.retryDelaysMs),
    /** One webhook call's time limit. */
    timeoutMs: z.number().int().min(500).max(60_000).default(ALERTS_DEFAULTS.timeoutMs),
  })
  .strict();
export type AlertsSettings = z.infer<typeof alertsSchema>;
export type AlertChannelConfig = AlertsSettings['channels'][number];

/**
 * Reading records: scans and live tails (server-sent events) run outside the 10 s route deadline, within their own
 * budget (a request may ask for less, never more), and only so many at once per user and per console.
 */
export const MESSAGES_DEFAULTS = {
  streamMaxRecords: 100_000,
  streamMaxSeconds: 30,
  streamsPerUser: 2,
  streamsPerConsole: 20,
  pageScanMaxRecords: 100_000,
};
const messagesSchema = z
  .object({
    streamMaxRecords: z.number().int().min(1_000).max(100_000_000).default(MESSAGES_DEFAULTS.streamMaxRecords),
    streamMaxSeconds: z.number().int().min(5).max(3_600).default(MESSAGES_DEFAULTS.streamMaxSeconds),
    streamsPerUser: z.number().int().min(1).max(100).default(MESSAGES_DEFAULTS.streamsPerUser),
    streamsPerConsole: z.number().int().min(1).max(1_000).default(MESSAGES_DEFAULTS.streamsPerConsole),
    /** A JSON page with a filter examines at most this many records (and stops at the route deadline). */
    pageScanMaxRecords: z.number().int().min(1_000).max(10_000_000).default(MESSAGES_DEFAULTS.pageScanMaxRecords),
  })
  .strict();
export type MessagesSettings = z.infer<typeof messagesSchema>;

const cidr = z.string().refine((text) => {
  const [address, bits, extra] = text.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
}, 'an address or a CIDR block, e.g. 10.0.0.0/8 or fd00::/8');

/**
 * Which X-Forwarded-For entry is the client (login limits and the audit log's address) and whether
 * X-Forwarded-Host counts in the Origin check: a number of proxies in front of the console, or the CIDR blocks of
 * trusted proxies. Absent: none, the socket's peer is the client and both headers are ignored.
 */
export const trustProxySchema = z.union([z.number().int().min(0).max(10), z.array(cidr).min(1).max(100)]);
export type TrustProxy = z.infer<typeof trustProxySchema>;

export const consoleConfigSchema = z
  .object({
    clusters: z
      .array(clusterConfigSchema)
      .min(1, 'configure at least one cluster')
      .refine((clusters) => new Set(clusters.map((c) => c.id)).size === clusters.length, 'cluster ids must be unique'),
    auth: authSchema.default({ users: [], apiTokens: [], operatorsMayProduce: false }),
    lag: lagSchema.default(LAG_DEFAULTS),
    reassign: reassignSchema.default(REASSIGN_DEFAULTS),
    metrics: metricsSchema.default(METRICS_DEFAULTS),
    alerts: alertsSchema.default(ALERTS_DEFAULTS),
    messages: messagesSchema.default(MESSAGES_DEFAULTS),
    trustProxy: trustProxySchema.optional(),
    /** Masking of record contents, applied on the server before anything leaves it (README: "Masking"). */
    masking: z.array(maskingRuleSchema).max(1_000).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    const channels = new Set(config.alerts.channels.map((c) => c.id));
    for (const [i, rule] of config.alerts.rules.entries()) {
      if (!config.clusters.some((c) => c.id === rule.clusterId))
        ctx.addIssue({ code: 'custom', path: ['alerts', 'rules', i, 'clusterId'], message: `unknown cluster id "${rule.clusterId}"` });
      for (const [j, channel] of rule.channels.entries()) {
        if (!channels.has(channel))
          ctx.addIssue({ code: 'custom', path: ['alerts', 'rules', i, 'channels', j], message: `unknown channel id "${channel}"` });
      }
    }
    // A typo in a scope would silently hide a cluster from someone: refuse unknown ids.
    const known = new Set(config.clusters.map((c) => c.id));
    // Likewise a masking rule naming an unknown cluster would silently mask nothing there.
    for (const [i, rule] of config.masking.entries()) {
      for (const [j, id] of rule.clusters.entries()) {
        if (!/[*?]/.test(id) && !known.has(id))
          ctx.addIssue({ code: 'custom', path: ['masking', i, 'clusters', j], message: `unknown cluster id "${id}"` });
      }
    }
    const scopes: [string, string[] | undefined][] = [
      ...config.auth.users.map((u, i): [string, string[] | undefined] => [`auth.users[${i}].clusters`, u.clusters]),
      ...config.auth.apiTokens.map((t, i): [string, string[] | undefined] => [`auth.apiTokens[${i}].clusters`, t.clusters]),
      ['auth.oidc.clusters', config.auth.oidc?.clusters],
    ];
    for (const [where, ids] of scopes) {
      for (const id of ids ?? []) {
        if (!known.has(id))
          ctx.addIssue({
            code: 'custom',
            path: where
              .split(/[.[\]]+/)
              .filter(Boolean)
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            message: `unknown cluster id "${id}"`,
          });
      }
    }
  });
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

/** The lag sampler's settings for one cluster: the console's `lag` with the cluster's own fields over it. */
export function lagSettings(config: Pick<ConsoleConfig, 'lag'>, cluster: Pick<ClusterConfig, 'lag'>): LagSettings {
  return { ...config.lag, ...cluster.lag };
}

export const metricsRetention = (config: Pick<ConsoleConfig, 'metrics'>) => config.metrics.retention;

/** Without CONSOLE_CONFIG: the dev cluster of `npm run kafka:up`. */
export const DEFAULT_CONFIG = {
  clusters: [{ id: 'local', name: 'Local dev', brokers: ['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094'] }],
  auth: { users: [], apiTokens: [] },
};
