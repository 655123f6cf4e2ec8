// Every integration test file sees the same console configuration: the target cluster in plaintext, the same
// cluster through its SCRAM-SHA-512 listener, one with a wrong password and one that cannot be reached; API
// tokens for each role (and one scoped to a single cluster); its own console data directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tokenEntries } from './auth';
import { kafkaTarget } from './kafka-target';
import { TEST_WEBHOOK_BASE } from './webhook-receiver';

const target = kafkaTarget();
const dir = mkdtempSync(path.join(os.tmpdir(), 'console-test-'));
const file = path.join(dir, 'console.json');
process.env.TEST_SCRAM_PASSWORD = target.scram.password;
process.env.AUTH_SECRET = 'integration-tests-secret-with-at-least-32-bytes';
process.env.CONSOLE_DATA_DIR = path.join(dir, 'data');
writeFileSync(
  file,
  JSON.stringify({
    clusters: [
      { id: 'local', name: target.label, brokers: target.bootstrap },
      {
        id: 'local-scram',
        name: `${target.label} (SCRAM)`,
        brokers: target.saslBootstrap,
        sasl: { mechanism: 'scram-sha-512', username: target.scram.username, password: { env: 'TEST_SCRAM_PASSWORD' } },
      },
      {
        id: 'wrong-password',
        name: 'Wrong password',
        brokers: target.saslBootstrap,
        sasl: { mechanism: 'scram-sha-512', username: target.scram.username, password: 'not-the-password' },
      },
      // Nothing listens on port 1: connections are refused at once.
      { id: 'down', name: 'Unreachable', brokers: ['127.0.0.1:1'], readOnly: true, connectionTimeoutMs: 500 },
    ],
    auth: { users: [], apiTokens: tokenEntries() },
    // Record contents of it-masked-* topics: card numbers hidden wherever they are, phone fields and one path hashed.
    masking: [
      { clusters: ['local'], topics: ['it-masked-*'], paths: ['$.card.holder'], fields: ['phone'], action: 'hash' },
      { clusters: ['*'], topics: ['it-masked-*'], regex: '\\b(?:\\d[ -]?){12,15}\\d\\b', action: 'hide', roles: ['admin', 'operator'] },
    ],
    // Reassignment jobs are watched closely in tests: moves of a few MB take seconds.
    reassign: { pollMs: 500, maxMovingPartitions: 4, stallAfterMs: 30_000 },
    // Webhooks to the receiver test/alerts.int.test.ts starts on loopback (never an outside address); retries in
    // half a second. A configured rule (read-only in the API) with no channel.
    alerts: {
      channels: (['generic', 'slack', 'dingtalk', 'feishu', 'wecom'] as const).map((type) => ({
        id: `it-${type}`,
        type,
        url: `${TEST_WEBHOOK_BASE}/${type}`,
      })),
      rules: [{ id: 'it-config-brokers', kind: 'broker-missing', name: 'A broker is missing', clusterId: 'local' }],
      retryDelaysMs: [500, 1_000],
      timeoutMs: 2_000,
    },
  }),
);
process.env.CONSOLE_CONFIG = file;
