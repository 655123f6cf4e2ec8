// Storage tests: on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set (see test/support/db-engines.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '@/lib/schemas/audit';
import { AUDIT_CSV_MAX_ROWS, auditCsv, listAudit, recordAudit, settleAbandonedChanges } from '@/server/audit/store';
import { openDb } from '@/server/db/open';
import type { OpenedDb } from '@/server/db/types';
import { testEngines, type FreshDb } from '@/test/support/db-engines';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const at = (seconds: number) => T0 + seconds * 1000;

// Written in this order; `time` decides the listing order, id breaks the tie between the last two.
const FIXTURE: AuditEntryInput[] = [
  {
    time: at(0),
    actor: 'alice',
    actorType: 'user',
    role: 'admin',
    clusterId: 'local',
    action: 'topics.create',
    target: 'orders',
    summary: { name: 'orders', partitions: 6 },
    outcome: 'success',
    status: 201,
    ip: '10.0.0.1',
  },
  {
    time: at(10),
    actor: 'bob',
    actorType: 'user',
    role: 'viewer',
    clusterId: 'local',
    action: 'topics.delete',
    target: 'orders',
    outcome: 'denied',
    status: 403,
    errorCode: 'FORBIDDEN',
    ip: '10.0.0.2',
  },
  {
    time: at(20),
    actor: 'ci-bot',
    actorType: 'token',
    role: 'editor',
    clusterId: 'prod',
    action: 'topics_archive.list',
    outcome: 'success',
    status: 200,
  },
  {
    time: at(30),
    actor: 'ci-bot',
    actorType: 'token',
    role: 'editor',
    clusterId: 'prod',
    action: 'topicsXarchive.list',
    outcome: 'failed',
    status: 502,
    errorCode: 'KAFKA_ERROR',
  },
  {
    time: at(40),
    actor: 'anonymous',
    actorType: 'anonymous',
    action: 'auth.login',
    summary: { username: 'mallory', password: 'guess' },
    outcome: 'failed',
    status: 401,
    errorCode: 'UNAUTHENTICATED',
    ip: '203.0.113.9',
  },
  {
    time: at(40),
    actor: 'alice',
    actorType: 'user',
    role: 'admin',
    clusterId: 'prod',
    action: 'consumer-groups.reset-offsets',
    target: 'billing',
    outcome: 'success',
    status: 200,
  },
];
// Targets of the fixture, newest first.
const NEWEST_FIRST = ['billing', null, null, null, 'orders', 'orders'];
const actionsOf = (r: { entries: { action: string }[] }) => r.entries.map((e) => e.action);

describe.each(testEngines())('audit store on $name', { timeout: 60_000 }, (engine) => {
  let fresh: FreshDb;
  let opened: OpenedDb;
  beforeAll(async () => {
    fresh = await engine.fresh();
    opened = await openDb(fresh.target);
    for (const input of FIXTURE) await recordAudit(input, opened.db);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await fresh?.cleanup();
  });
  const list = (query: Parameters<typeof listAudit>[0]) => listAudit(query, null, opened.db);

  it('lists everything newest first, ties by id, with the total', async () => {
    const all = await list({});
    expect(all.total).toBe(6);
    expect(all.entries.map((e) => e.target)).toEqual(NEWEST_FIRST);
    const ids = all.entries.map((e) => BigInt(e.id));
    expect(ids[0]! > ids[1]!).toBe(true);
  });

  it('returns entries in the API shape, summary redacted', async () => {
    const { entries } = await list({ action: 'auth.login' });
    expect(entries).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        time: at(40),
        actor: 'anonymous',
        actorType: 'anonymous',
        role: null,
        clusterId: null,
        action: 'auth.login',
        target: null,
        summary: { username: 'mallory', password: '[redacted]' },
        outcome: 'failed',
        status: 401,
        errorCode: 'UNAUTHENTICATED',
        ip: '203.0.113.9',
      },
    ]);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    expect((await list({ from: at(10), to: at(30) })).entries.map((e) => e.time)).toEqual([at(20), at(10)]);
    expect((await list({ from: at(40) })).total).toBe(2);
    expect((await list({ to: at(0) })).total).toBe(0);
    expect((await list({ to: at(0) + 1 })).total).toBe(1);
  });

  it('filters by actor, cluster and outcome', async () => {
    expect(actionsOf(await list({ actor: 'alice' }))).toEqual(['consumer-groups.reset-offsets', 'topics.create']);
    expect((await list({ actor: 'ALICE' })).total).toBe(0);
    expect((await list({ clusterId: 'prod' })).total).toBe(3);
    expect((await list({ clusterId: 'local', outcome: 'denied' })).entries.map((e) => e.actor)).toEqual(['bob']);
    expect((await list({ outcome: 'failed' })).total).toBe(2);
    // PostgreSQL text cannot hold NUL: such a filter is refused as invalid input, not sent to the database.
    await expect(list({ actor: 'nobody\u0000' })).rejects.toThrow(/NUL/);
  });

  it('filters by action, exactly or by prefix, with LIKE wildcards taken literally', async () => {
    expect(actionsOf(await list({ action: 'topics.create' }))).toEqual(['topics.create']);
    expect(actionsOf(await list({ action: 'topics' }))).toEqual([]);
    expect(actionsOf(await list({ action: 'topics.' }))).toEqual(['topics.delete', 'topics.create']);
    expect(actionsOf(await list({ action: 'topics.*' }))).toEqual(['topics.delete', 'topics.create']);
    // `_` would match any character in LIKE: topicsXarchive must not match.
    expect(actionsOf(await list({ action: 'topics_*' }))).toEqual(['topics_archive.list']);
    expect(actionsOf(await list({ action: 'topic%' }))).toEqual([]);
    expect((await list({ action: 'topic*' })).total).toBe(4);
    expect((await list({ action: '*' })).total).toBe(6);
  });

  it('combines filters', async () => {
    const result = await list({
      actor: 'ci-bot',
      clusterId: 'prod',
      action: 'topics_archive.list',
      outcome: 'success',
      from: at(20),
      to: at(21),
    });
    expect(actionsOf(result)).toEqual(['topics_archive.list']);
  });

  it('pages with limit and offset; the total ignores paging', async () => {
    const pages = await Promise.all([0, 2, 4, 6].map((offset) => list({ limit: 2, offset })));
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
    expect(pages.flatMap((p) => p.entries.map((e) => e.target))).toEqual(NEWEST_FIRST);
    expect(pages[3]!.entries).toEqual([]);
    expect((await list({ actor: 'alice', limit: 1, offset: 1 })).entries.map((e) => e.target)).toEqual(['orders']);
  });

  it('parses raw query-string input itself', async () => {
    const result = await listAudit({ limit: '1', clusterId: 'local', actor: '' } as never, null, opened.db);
    expect(result.total).toBe(2);
    expect(result.entries).toHaveLength(1);
  });

  it('exports CSV newest first with the filters, ignoring paging', async () => {
    const csv = await auditCsv({ actor: 'alice', limit: 1 } as never, null, opened.db);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,time,actor,actorType,role,clusterId,action,target,outcome,status,errorCode,ip,summary');
    expect(lines.slice(1, -1).map((l) => l.split(',')[7])).toEqual(['billing', 'orders']);
    expect(lines[2]).toMatch(
      /^\d+,2025-01-01T12:00:00\.000Z,alice,user,admin,local,topics\.create,orders,success,201,,10\.0\.0\.1,"\{""name"":""orders"",""partitions"":6\}"$/,
    );
    expect(lines.at(-1)).toBe('');
    expect(AUDIT_CSV_MAX_ROWS).toBe(10_000);
  });

  it('stamps the time when none is given, and stores awkward text', async () => {
    const before = Date.now();
    const entry = await recordAudit(
      {
        actor: '=HYPERLINK("x")',
        actorType: 'user',
        action: 'topics.update',
        target: 'a\u0000b',
        summary: { note: 'x\u0000\uD800', nested: { apiKey: 'k' }, when: new Date(0) },
        outcome: 'success',
        status: 200,
      },
      opened.db,
    );
    expect(Math.abs(entry.time - before)).toBeLessThan(60_000);
    expect(entry.target).toBe('a\uFFFDb');
    expect(entry.summary).toEqual({ note: 'x\uFFFD\uFFFD', nested: { apiKey: '[redacted]' }, when: '1970-01-01T00:00:00.000Z' });
    const [stored] = (await list({ action: 'topics.update' })).entries;
    expect(stored).toEqual(entry);
    const csv = await auditCsv({ action: 'topics.update' }, null, opened.db);
    expect(csv.split('\r\n')[1]).toContain(`,"'=HYPERLINK(""x"")",user,`);
  });

  it('shows an admin scoped to some clusters only their entries (not those of no cluster)', async () => {
    const scoped = await listAudit({ limit: 100 }, ['prod'], opened.db);
    expect(scoped.entries.map((e) => e.clusterId)).toEqual(['prod', 'prod', 'prod']);
    expect(scoped.total).toBe(3);
    expect((await listAudit({ limit: 100 }, [], opened.db)).total).toBe(0);
    const csv = await auditCsv({}, ['local'], opened.db);
    expect(
      csv
        .split('\r\n')
        .slice(1, -1)
        .map((l) => l.split(',')[5]),
    ).toEqual(['local', 'local']);
  });

  it('never fails on length: values longer than their column are cut, marked, and keep a hash of the whole', async () => {
    const long = 'x'.repeat(1_100);
    const entry = await recordAudit(
      {
        actor: 'a'.repeat(300),
        actorType: 'user',
        clusterId: 'c'.repeat(150),
        action: 'topics.delete',
        target: long,
        ip: '1'.repeat(150),
        outcome: 'denied',
        status: 403,
      },
      opened.db,
    );
    expect(entry.target!.length).toBe(1_000);
    expect(entry.target).toMatch(/^x+…\[1100 chars, sha256 [0-9a-f]{16}\]$/);
    expect(entry.actor.length).toBe(200);
    expect(entry.clusterId!.length).toBeLessThanOrEqual(100);
    expect(entry.ip!.length).toBeLessThanOrEqual(100);
  });

  it('settles changes left pending by a stopped console as unknown, and only those older than the cut-off', async () => {
    const pending = { actor: 'crash', actorType: 'user', action: 'topics.create', outcome: 'pending', status: 102 } as const;
    const abandoned = await recordAudit({ ...pending, time: Date.now() - 120_000, target: 'abandoned' }, opened.db);
    const running = await recordAudit({ ...pending, target: 'running' }, opened.db);
    expect(await settleAbandonedChanges(60_000, opened.db)).toBe(1);
    const { entries } = await listAudit({ actor: 'crash', limit: 10 }, null, opened.db);
    expect(entries.find((e) => e.id === abandoned.id)).toMatchObject({ outcome: 'unknown', status: 102, errorCode: 'OUTCOME_UNKNOWN' });
    expect(entries.find((e) => e.id === running.id)).toMatchObject({ outcome: 'pending' });
    expect((await listAudit({ outcome: 'unknown', limit: 10 }, null, opened.db)).entries.map((e) => e.target)).toEqual(['abandoned']);
    expect(await settleAbandonedChanges(60_000, opened.db)).toBe(0);
  });

  it('refuses an invalid entry with a plain error (not a validation error for the client)', async () => {
    const bad = { actor: '', actorType: 'user', action: 'x', outcome: 'success', status: 200 } as const;
    await expect(recordAudit(bad, opened.db)).rejects.toThrow(/^Invalid audit entry: actor:/);
    await expect(recordAudit(bad, opened.db)).rejects.not.toHaveProperty('issues');
  });

  it('throws when the entry cannot be written', async () => {
    const other = await engine.fresh();
    const closed = await openDb(other.target);
    await closed.close();
    try {
      await expect(recordAudit({ actor: 'a', actorType: 'user', action: 'x', outcome: 'success', status: 200 }, closed.db)).rejects.toThrow(
        /^Cannot write the audit log: /,
      );
    } finally {
      await other.cleanup();
    }
  });
});
