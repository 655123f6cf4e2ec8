// The console itself killed (SIGKILL) while an audited change waits on Kafka: the change's audit entry, written as
// pending before the change ran, is settled as "unknown" by the next console (the production build, started
// as users start it) once it is older than any change can take.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/schemas/audit';
import { ABANDONED_AFTER_MS } from '@/server/audit/settle-abandoned';
import { TEST_TOKENS, tokenEntries } from '../support/auth';
import { kafkaTarget } from '../support/kafka-target';
import { BROKER_IDS, msUntil, report, signalBroker } from './support';

const target = kafkaTarget();
const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 3410 + Number(process.env.KAFKA_PORT_OFFSET ?? 0) / 1000;
const BASE = `http://127.0.0.1:${PORT}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'console-killed-'));
const headers = { authorization: `Bearer ${TEST_TOKENS.admin}`, 'content-type': 'application/json' };
let server: ChildProcess | null = null;

async function startConsole() {
  const child = spawn('node', ['scripts/serve.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      CONSOLE_CONFIG: path.join(dir, 'console.json'),
      CONSOLE_DATA_DIR: path.join(dir, 'data'),
      AUTH_SECRET: 'console-killed-test-secret-of-at-least-32-bytes',
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
    },
  });
  await msUntil('the console answers', 60_000, async () => (await fetch(`${BASE}/api/health`)).ok);
  return child;
}

/** The audit entry of creating `name` (its target is the cluster; the name is in the request summary). */
async function creationOf(name: string): Promise<AuditEntry | undefined> {
  const response = await fetch(`${BASE}/api/v1/audit?action=topics.create&limit=50`, { headers });
  expect(response.status).toBe(200);
  const { entries } = (await response.json()) as { entries: AuditEntry[] };
  return entries.find((e) => (e.summary.body as { name?: string } | null)?.name === name);
}

describe(`the console killed during an audited change, on ${target.label}`, () => {
  beforeAll(() => {
    // The production build is what users run: build it when this run has none yet.
    if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
      const built = spawnSync('npx', ['next', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (built.status !== 0) throw new Error('next build failed');
    }
    writeFileSync(
      path.join(dir, 'console.json'),
      JSON.stringify({
        clusters: [{ id: 'local', name: target.label, brokers: target.bootstrap, lag: { enabled: false } }],
        auth: { users: [], apiTokens: tokenEntries() },
      }),
    );
  }, 600_000);

  afterAll(() => {
    for (const id of BROKER_IDS) signalBroker(id, 'SIGCONT');
    server?.kill('SIGKILL');
  });

  it('leaves the change pending, and the next console settles it as unknown', async () => {
    server = await startConsole();
    const name = `fault-console-${Date.now()}`;
    // Brokers that say nothing: the create waits on Kafka, its audit entry already written as pending.
    for (const id of BROKER_IDS) signalBroker(id, 'SIGSTOP');
    let writtenAt = 0;
    try {
      void fetch(`${BASE}/api/v1/clusters/local/topics`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name, partitions: 1, replicationFactor: 1 }),
      }).catch(() => {});
      await msUntil('the change is pending', 10_000, async () => (await creationOf(name))?.outcome === 'pending');
      writtenAt = Date.now();
      server.kill('SIGKILL');
      await new Promise((resolve) => server!.once('exit', resolve));
    } finally {
      for (const id of BROKER_IDS) signalBroker(id, 'SIGCONT');
    }

    // A console started while the entry is younger than any change can take leaves it pending (it could be
    // another console's change in flight)...
    server = await startConsole();
    expect((await creationOf(name))?.outcome).toBe('pending');
    server.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    // ...one started after that settles it at once.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, writtenAt + ABANDONED_AFTER_MS + 1_000 - Date.now())));
    const restartedAt = performance.now();
    server = await startConsole();
    const settledMs = await msUntil('the entry is settled', 10_000, async () => (await creationOf(name))?.outcome === 'unknown');
    const entry = (await creationOf(name))!;
    expect(entry).toMatchObject({ outcome: 'unknown', status: 102, errorCode: 'OUTCOME_UNKNOWN', target: 'local' });
    const unknown = await fetch(`${BASE}/api/v1/audit?outcome=unknown&limit=50`, { headers });
    expect(((await unknown.json()) as { entries: AuditEntry[] }).entries.map((e) => e.id)).toContain(entry.id);
    report(
      `console killed mid-change: settled as unknown ${((performance.now() - restartedAt) / 1000).toFixed(1)} s after the restart (${(settledMs / 1000).toFixed(1)} s after it answered)`,
    );
  });
});
