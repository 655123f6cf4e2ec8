import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { bootstrapServers, clusterLayout } from '../scripts/kafka/layout.mjs';
import { resolveKafka } from '../scripts/kafka/versions.mjs';

export const E2E_DIR = path.resolve(import.meta.dirname, '../.data/e2e');
export const E2E_CONFIG = path.join(E2E_DIR, 'console.json');
export const E2E_SERVER_LOG = path.join(E2E_DIR, 'server.log');
export const AUTH_SECRET = 'e2e-auth-secret-that-is-at-least-32-bytes-long';
/** Configured as a SASL password: it must never show up in a page, an API answer or the server log. */
export const CANARY_SECRET = 'CANARY-9d1e7c44-never-leak';
export const OIDC_PORT = 3200;
export const OIDC_CLIENT_SECRET = 'e2e-oidc-client-secret';

export const USERS = {
  admin: { username: 'ada', password: 'ada-password-1', role: 'admin' },
  operator: { username: 'oscar', password: 'oscar-password-1', role: 'operator' },
  viewer: { username: 'vera', password: 'vera-password-1', role: 'viewer' },
  disposable: { username: 'dave', password: 'dave-password-1', role: 'viewer' },
} as const;

export function e2eBootstrap(): string[] {
  return bootstrapServers(clusterLayout(resolveKafka()));
}

// A fixed salt keeps the file identical however often it is written (Playwright loads its config in every
// worker); these are test fixtures, not credentials.
const hash = (password: string) => bcrypt.hashSync(password, '$2b$04$e2eFixedSaltForTests..');

export function consoleConfig({ disabled = [] as string[], disabledSso = [] as string[] } = {}) {
  return {
    clusters: [
      // Sampled every 2 s: the dashboard and history charts have points within seconds. `npm run bench:ui` times
      // the pages as users get them, with the default interval.
      { id: 'local', name: 'Local dev', brokers: e2eBootstrap(), ...(process.env.BENCH_UI ? {} : { lag: { intervalMs: 2_000 } }) },
      { id: 'down', name: 'Unreachable', brokers: ['127.0.0.1:1'], readOnly: true, connectionTimeoutMs: 500 },
      {
        id: 'canary',
        name: 'Canary',
        brokers: ['127.0.0.1:1'],
        connectionTimeoutMs: 500,
        sasl: { mechanism: 'scram-sha-512', username: 'console', password: CANARY_SECRET },
      },
    ],
    // A webhook whose URL holds the canary (chat webhooks carry their token in the URL): no rule sends to it, and
    // its URL must never reach a page or an API answer.
    // `BENCH_UI_RECORD=sampler npm run bench:ui`: the server's share of the split deployment (`metrics.recordIn`,
    // README), where `npm run sampler` records the history; the server still samples lag for the pages.
    ...(process.env.BENCH_UI_RECORD === 'sampler' ? { metrics: { recordIn: 'sampler' } } : {}),
    alerts: { channels: [{ id: 'e2e-canary', name: 'Canary webhook', type: 'slack', url: `http://127.0.0.1:1/hooks/${CANARY_SECRET}` }] },
    auth: {
      users: Object.values(USERS).map(({ username, password, role }) => ({
        username,
        passwordHash: hash(password),
        role,
        ...(disabled.includes(username) ? { disabled: true } : {}),
      })),
      apiTokens: [],
      // e2e/oidc-provider.mjs; no default role: someone in no mapped group is refused.
      oidc: {
        issuer: `http://127.0.0.1:${OIDC_PORT}`,
        clientId: 'kafka-console-e2e',
        clientSecret: OIDC_CLIENT_SECRET,
        name: 'Sign in with SSO',
        roleClaim: 'groups',
        roleMapping: { 'kafka-ops': 'operator', 'kafka-admins': 'admin' },
        disabledUsers: disabledSso,
        // The shortest allowed: the test sees a changed role within seconds, not the production 5 minutes.
        recheckSeconds: 5,
      },
    },
  };
}

export function writeE2eConsoleConfig(options?: { disabled?: string[]; disabledSso?: string[] }) {
  mkdirSync(E2E_DIR, { recursive: true });
  writeFileSync(E2E_CONFIG, JSON.stringify(consoleConfig(options), null, 2));
  return E2E_CONFIG;
}
