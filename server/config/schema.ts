import { z } from 'zod';
import { clusterIdSchema } from '@/lib/schemas/common';

/** A secret is an inline string, `{ "env": NAME }` or `{ "file": PATH }`; it is resolved on the server only. */
export const secretSchema = z.union([
  z.string().min(1),
  z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name') }).strict(),
  z.object({ file: z.string().min(1) }).strict(),
]);
export type SecretRef = z.infer<typeof secretSchema>;

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'host:port, e.g. kafka-1:9092');

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
  })
  .strict();
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;

// Users, API tokens and OIDC are validated in full by the auth module; here only their container shape.
const authSchema = z
  .object({
    users: z.array(z.record(z.string(), z.unknown())).default([]),
    apiTokens: z.array(z.record(z.string(), z.unknown())).default([]),
    oidc: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const consoleConfigSchema = z
  .object({
    clusters: z
      .array(clusterConfigSchema)
      .min(1, 'configure at least one cluster')
      .refine((clusters) => new Set(clusters.map((c) => c.id)).size === clusters.length, 'cluster ids must be unique'),
    auth: authSchema.default({ users: [], apiTokens: [] }),
  })
  .strict();
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

/** Without CONSOLE_CONFIG: the dev cluster of `npm run kafka:up`. */
export const DEFAULT_CONFIG = {
  clusters: [
    { id: 'local', name: 'Local dev', brokers: ['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094'] },
  ],
  auth: { users: [], apiTokens: [] },
};
