// Test support for the storage tests (`*.db.test.ts`), not used by the console: the engines to run them on,
// each handing out empty databases. PGlite always, in a temp dir; PostgreSQL when TEST_DATABASE_URL is set
// (`node scripts/postgres/test-server.mjs start` starts one), one fresh database per call, dropped afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DbTarget } from '@/server/db/types';

export type FreshDb = { target: DbTarget; cleanup: () => Promise<void> };
export type TestEngine = { name: 'pglite' | 'postgres'; fresh: () => Promise<FreshDb> };

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'console-db-test-'));
}

// PGlite's initdb takes seconds (WASM); copying an initialized, still empty cluster takes a fraction of that.
// The template is cached across runs under node_modules/.cache, per PGlite version, and made in a temp dir then
// renamed into place, so parallel test workers never see a half-made one.
let template: Promise<string> | undefined;
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(path.dirname(require.resolve('@electric-sql/pglite')));
    const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
    const cache = path.join(process.cwd(), 'node_modules', '.cache', 'kafka-console');
    const ready = path.join(cache, `pglite-${version}-empty`);
    if (fs.existsSync(ready)) return ready;
    fs.mkdirSync(cache, { recursive: true });
    const making = fs.mkdtempSync(path.join(cache, 'making-'));
    try {
      const client = await PGlite.create(path.join(making, 'pglite'));
      await client.close();
      fs.renameSync(path.join(making, 'pglite'), ready);
    } catch (error) {
      // Another worker finished first: use its template.
      if (!fs.existsSync(ready)) throw error;
    } finally {
      fs.rmSync(making, { recursive: true, force: true });
    }
    return ready;
  })();
  return template;
}

/** A console data dir holding an empty PGlite database (no migrations applied). */
export async function freshPgliteDataDir(): Promise<string> {
  const dataDir = tempDataDir();
  fs.cpSync(await pgliteTemplate(), path.join(dataDir, 'pglite'), { recursive: true });
  return dataDir;
}

const pglite: TestEngine = {
  name: 'pglite',
  fresh: async () => {
    const dataDir = await freshPgliteDataDir();
    return { target: { dataDir }, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  },
};

/** A new database on the server of `adminUrl` (its user needs CREATEDB), dropped by cleanup. */
function postgres(adminUrl: string): TestEngine {
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    fresh: async () => {
      const name = `console_test_${randomBytes(6).toString('hex')}`;
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        target: { url: url.toString() },
        cleanup: async () => {
          await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        },
      };
    },
  };
}

/** PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}
