import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

// Authorization in the route wrapper, with real sessions and tokens against a real (PGlite) audit store.
const dir = mkdtempSync(path.join(os.tmpdir(), 'authorization-'));
const configFile = path.join(dir, 'console.json');
const SECRET = 'authorization-test-secret-of-at-least-32-bytes';
const HASH = '$2b$04$abcdefghijklmnopqrstuu5bRo2Vq5Cy6Hn3Tqzv6rMC5x5/2ZHxK'; // never checked here
const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

function writeConfig(alice: { role: string; disabled?: boolean }) {
  writeFileSync(
    configFile,
    JSON.stringify({
      clusters: [
        { id: 'a', name: 'A', brokers: ['127.0.0.1:1'] },
        { id: 'ro', name: 'Read-only', brokers: ['127.0.0.1:1'], readOnly: true },
      ],
      auth: {
        users: [
          { username: 'alice', passwordHash: HASH, ...alice },
          { username: 'carol', passwordHash: HASH, role: 'viewer', clusters: ['a'] },
        ],
        apiTokens: [{ name: 'ci', role: 'admin', sha256: tokenHash('ci-token') }],
      },
    }),
  );
}

const session = (username: string, loginAt = Date.now()) =>
  encode({ token: { username, loginAt, name: username }, secret: SECRET }).then((jwt) => `next-auth.session-token=${jwt}`);

type Mod = typeof import('@/server/http/route');
let route: Mod['route'];
let reloadConfig: (reason: string) => void;
let listAudit: typeof import('@/server/audit/store').listAudit;

beforeAll(async () => {
  writeConfig({ role: 'admin' });
  process.env.CONSOLE_CONFIG = configFile;
  process.env.CONSOLE_DATA_DIR = path.join(dir, 'data');
  process.env.AUTH_SECRET = SECRET;
  ({ route } = await import('@/server/http/route'));
  ({ reloadConfig } = await import('@/server/config/current'));
  ({ listAudit } = await import('@/server/audit/store'));
  // Opening PGlite takes seconds on a busy machine: do it once here, not inside the first test's time budget.
  await (await import('@/server/db/client')).migrateDb();
}, 60_000);

afterAll(async () => {
  const { closeDb } = await import('@/server/db/client');
  await closeDb();
});

type CallInit = RequestInit & { clusterId?: string; bodySchema?: z.ZodType };

async function call(permission: 'read' | 'manageTopics' | 'administer', { bodySchema, ...init }: CallInit = {}) {
  const handler = route(
    {
      name: 'test.action',
      method: 'post',
      path: '/api/v1/clusters/{clusterId}/x',
      summary: 'test',
      tag: 'test',
      permission,
      response: z.unknown(),
      body: bodySchema,
    },
    async () => Response.json({ ok: true }),
  );
  const clusterId = init.clusterId ?? 'a';
  const request = new Request(`http://console.test/api/v1/clusters/${clusterId}/x`, {
    ...init,
    headers: { host: 'console.test', ...init.headers },
  });
  const response = await handler(request, { params: Promise.resolve({ clusterId }) });
  return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code };
}

describe('route authorization', () => {
  it('401 without credentials or with an unknown token', async () => {
    expect(await call('read')).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await call('read', { headers: { authorization: 'Bearer nope' } })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('accepts a configured token and a login session', async () => {
    expect((await call('read', { headers: { authorization: 'Bearer ci-token' } })).status).toBe(200);
    expect((await call('read', { headers: { cookie: await session('alice') } })).status).toBe(200);
  });

  it('ends a session 8 hours after login, however fresh its cookie', async () => {
    const old = await session('alice', Date.now() - 8 * 3600_000 - 1000);
    expect((await call('read', { headers: { cookie: old } })).status).toBe(401);
  });

  it('refuses cookie writes whose Origin is foreign, missing or null; bearer writes need no Origin', async () => {
    const cookie = await session('alice');
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const headers: Record<string, string> = { cookie, ...(origin ? { origin } : {}) };
      expect(await call('manageTopics', { method: 'POST', body: '{}', headers })).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
    expect((await call('manageTopics', { method: 'POST', body: '{}', headers: { cookie, origin: 'http://console.test' } })).status).toBe(
      200,
    );
    expect((await call('manageTopics', { method: 'POST', body: '{}', headers: { authorization: 'Bearer ci-token' } })).status).toBe(200);
  });

  it('answers 404 for a cluster outside the principal scope, as for one that does not exist', async () => {
    const cookie = await session('carol');
    expect(await call('read', { clusterId: 'ro', headers: { cookie } })).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await call('read', { clusterId: 'nope', headers: { cookie } })).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await call('read', { clusterId: 'a', headers: { cookie } })).status).toBe(200);
  });

  it('refuses every change on a read-only cluster, even for admins', async () => {
    const res = await call('manageTopics', { clusterId: 'ro', method: 'POST', body: '{}', headers: { authorization: 'Bearer ci-token' } });
    expect(res).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('applies a demotion or a disabled flag at the next request', async () => {
    const cookie = await session('alice');
    expect((await call('administer', { headers: { cookie } })).status).toBe(200);
    writeConfig({ role: 'viewer' });
    reloadConfig('test');
    expect(await call('administer', { headers: { cookie } })).toEqual({ status: 403, code: 'FORBIDDEN' });
    writeConfig({ role: 'admin', disabled: true });
    reloadConfig('test');
    expect((await call('read', { headers: { cookie } })).status).toBe(401);
    writeConfig({ role: 'admin' });
    reloadConfig('test');
  });

  it('writes every refusal and every change to the audit log', async () => {
    const before = await listAudit({ limit: 500 });
    await call('administer', { headers: { cookie: await session('carol') } });
    await call('manageTopics', { method: 'POST', body: '{"password":"hunter2"}', headers: { authorization: 'Bearer ci-token' } });
    const { entries } = await listAudit({ limit: 500 });
    const added = entries.slice(0, entries.length - before.entries.length);
    expect(added.map((e) => [e.actor, e.outcome, e.status])).toEqual([
      ['ci', 'success', 200],
      ['carol', 'denied', 403],
    ]);
    expect(JSON.stringify(added)).not.toContain('hunter2');
  });

  it('records a change refused for its input with its 422', async () => {
    const before = await listAudit({ limit: 500 });
    const bodySchema = z.object({ partitions: z.number().int().min(1) });
    const headers = { authorization: 'Bearer ci-token' };
    expect(await call('manageTopics', { method: 'POST', body: '{"partitions":0}', headers, bodySchema })).toEqual({
      status: 422,
      code: 'VALIDATION',
    });
    const { entries } = await listAudit({ limit: 500 });
    expect(entries.slice(0, entries.length - before.entries.length).map((e) => [e.outcome, e.status, e.errorCode])).toEqual([
      ['failed', 422, 'VALIDATION'],
    ]);
  });
});
