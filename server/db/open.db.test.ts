// Storage tests: on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set (see test/support/db-engines.ts).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeDb, dbTargetFromEnv, getDb, migrateDb } from '@/server/db/client';
import { DataDirLockedError } from '@/server/db/lock';
import { openDb } from '@/server/db/open';
import type { Db, OpenedDb } from '@/server/db/types';
import { auditLog } from '@/server/db/schema';
import { freshPgliteDataDir, tempDataDir, testEngines, type FreshDb } from '@/test/support/db-engines';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track<T extends FreshDb | OpenedDb>(value: T): T {
  cleanups.push('cleanup' in value ? value.cleanup : value.close);
  return value;
}

/** Migrations in the repository's journal: every one must be applied, once. */
const MIGRATIONS = (
  JSON.parse(fs.readFileSync(path.join('server', 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length;

async function appliedMigrations(db: Db) {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(sql`drizzle.__drizzle_migrations`);
  return rows[0]?.n;
}

/** A migrations folder whose only migration is not SQL. */
function brokenMigrations() {
  const folder = tempDataDir();
  cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
  fs.mkdirSync(path.join(folder, 'meta'));
  const entries = [{ idx: 0, version: '7', when: 1, tag: '0000_broken', breakpoints: true }];
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }));
  fs.writeFileSync(path.join(folder, '0000_broken.sql'), 'this is not sql;');
  return folder;
}

describe.each(testEngines())('openDb on $name', { timeout: 60_000 }, (engine) => {
  it('applies the migrations to an empty database, once', async () => {
    const fresh = await track(await engine.fresh());
    const first = await openDb(fresh.target);
    expect(first.engine).toBe(engine.name);
    await first.db.insert(auditLog).values({ actor: 'a', actorType: 'user', action: 'auth.login', outcome: 'success', status: 200 });
    expect(await appliedMigrations(first.db)).toBe(MIGRATIONS);
    await first.close();

    // A second open finds everything applied and the data still there.
    const second = await track(await openDb(fresh.target));
    expect(await appliedMigrations(second.db)).toBe(MIGRATIONS);
    expect(await second.db.$count(auditLog)).toBe(1);
    // Indexes exist (the migration, not an ad-hoc create).
    const indexes = await second.db
      .select({ name: sql<string>`indexname` })
      .from(sql`pg_indexes`)
      .where(sql`tablename = 'audit_log'`)
      .orderBy(sql`indexname`);
    expect(indexes.map((r) => r.name)).toEqual([
      'audit_log_action_idx',
      'audit_log_actor_idx',
      'audit_log_cluster_idx',
      'audit_log_pkey',
      'audit_log_time_idx',
    ]);
  });

  it('leaves nothing locked when a migration fails, and applies nothing of it', async () => {
    const fresh = await track(await engine.fresh());
    await expect(openDb(fresh.target, { migrationsFolder: brokenMigrations() })).rejects.toThrow(/this is not sql/);
    if ('dataDir' in fresh.target) expect(fs.existsSync(path.join(fresh.target.dataDir, 'console.lock'))).toBe(false);
    // The PGlite files and lock, or the advisory lock, are free for the next open.
    const opened = await track(await openDb(fresh.target));
    expect(await appliedMigrations(opened.db)).toBe(MIGRATIONS);
  });
});

it('fails clearly without the migrations folder, before touching the database', async () => {
  const dataDir = tempDataDir();
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  for (const target of [{ dataDir }, { url: 'postgres://127.0.0.1:1/unreachable' }]) {
    await expect(openDb(target, { migrationsFolder: '/nonexistent' })).rejects.toThrow(/migrations are missing/);
  }
  expect(fs.readdirSync(dataDir)).toEqual([]);
});

const postgres = testEngines().find((e) => e.name === 'postgres');
describe.runIf(postgres)('openDb on PostgreSQL, several processes starting at once', { timeout: 60_000 }, () => {
  it('migrates once under the advisory lock', async () => {
    const fresh = await track(await postgres!.fresh());
    const opened = await Promise.all(Array.from({ length: 4 }, () => openDb(fresh.target)));
    for (const o of opened) cleanups.push(o.close);
    expect(await appliedMigrations(opened[0]!.db)).toBe(MIGRATIONS);
    await Promise.all(
      opened.map((o) => o.db.insert(auditLog).values({ actor: 'a', actorType: 'user', action: 'x', outcome: 'success', status: 200 })),
    );
    expect(await opened[3]!.db.$count(auditLog)).toBe(4);
  });
});

describe('openDb on PGlite: one process per data directory', { timeout: 60_000 }, () => {
  // A truly new directory: PGlite's own initdb, then the migrations (what a first start does).
  it('refuses a second opener while the first holds the directory, then lets it in after close', async () => {
    const dataDir = tempDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const first = await openDb({ dataDir });
    const lock = path.join(dataDir, 'console.lock');
    expect(fs.readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    await expect(openDb({ dataDir })).rejects.toThrow(DataDirLockedError);
    await first.close();
    expect(fs.existsSync(lock)).toBe(false);
    const second = await openDb({ dataDir });
    await second.close();
  });

  it('refuses a directory locked by another live process, naming its pid', async () => {
    const dataDir = tempDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dataDir, 'console.lock'), `${process.ppid}\n`);
    await expect(openDb({ dataDir })).rejects.toThrow(`in use by process ${process.ppid}`);
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dataDir = await freshPgliteDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dataDir, 'console.lock'), '4194305\n');
    const opened = await openDb({ dataDir });
    expect(fs.readFileSync(path.join(dataDir, 'console.lock'), 'utf8').trim()).toBe(String(process.pid));
    await opened.close();
  });
});

describe('getDb / migrateDb / closeDb', { timeout: 60_000 }, () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, CONSOLE_DATA_DIR: process.env.CONSOLE_DATA_DIR };
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('picks the engine from the environment', () => {
    expect(dbTargetFromEnv({ DATABASE_URL: 'postgres://h/db' })).toEqual({ url: 'postgres://h/db' });
    expect(dbTargetFromEnv({ CONSOLE_DATA_DIR: '/var/lib/console' })).toEqual({ dataDir: '/var/lib/console' });
    expect(dbTargetFromEnv({})).toEqual({ dataDir: path.resolve('.data/console') });
  });

  it('opens once for concurrent callers, and again after closeDb', async () => {
    const dataDir = await freshPgliteDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    delete process.env.DATABASE_URL;
    process.env.CONSOLE_DATA_DIR = dataDir;
    const [a, b, migrated] = await Promise.all([getDb(), getDb(), migrateDb()]);
    expect(a).toBe(b);
    expect(migrated.engine).toBe('pglite');
    expect(await getDb()).toBe(a);
    await closeDb();
    expect(fs.existsSync(path.join(dataDir, 'console.lock'))).toBe(false);
    const reopened = await getDb();
    expect(reopened).not.toBe(a);
    expect(await reopened.$count(auditLog)).toBe(0);
    await closeDb();
    await closeDb();
  });

  it('forgets a failed open so a later call retries', async () => {
    const dataDir = await freshPgliteDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    delete process.env.DATABASE_URL;
    process.env.CONSOLE_DATA_DIR = dataDir;
    fs.writeFileSync(path.join(dataDir, 'console.lock'), `${process.ppid}\n`);
    await expect(getDb()).rejects.toThrow(DataDirLockedError);
    fs.rmSync(path.join(dataDir, 'console.lock'));
    await getDb();
    await closeDb();
  });
});
