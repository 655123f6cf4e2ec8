import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from '@/server/db/schema';

/** The console's database, whichever engine runs it: drizzle over PGlite or over node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** PGlite persisted in `dataDir` (one process per directory), or the PostgreSQL at `url`. */
export type DbTarget = { dataDir: string } | { url: string };

export type OpenDbOptions = {
  /** drizzle-kit's output folder; default `server/db/migrations` under process.cwd() (where `next start` runs). */
  migrationsFolder?: string;
};

export type OpenedDb = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Milliseconds spent applying migrations (checking them when none are pending). */
  migrationMs: number;
  close: () => Promise<void>;
  /**
   * Takes the named lock for this process until released or the process ends, or resolves null when another
   * process holds it. PostgreSQL: a session-level advisory lock on a connection of its own (a crashed holder's
   * session ends and frees it). PGlite: always granted — its data directory admits one process (server/db/lock.ts).
   */
  tryLock: (name: string) => Promise<HeldLock | null>;
};

export type HeldLock = {
  /** False once the lock's connection was lost: another process may hold it now. */
  readonly held: boolean;
  release: () => Promise<void>;
};

/** Statically scoped, so Next's output tracing ships the migrations with the server. */
export const defaultMigrationsFolder = () => path.join(process.cwd(), 'server', 'db', 'migrations');

/**
 * Opens the database and applies pending migrations before handing it out. Idempotent: migrations already
 * applied are skipped (drizzle's `drizzle.__drizzle_migrations` table), and on PostgreSQL an advisory lock
 * makes processes starting at once apply them one after another.
 */
export async function openDb(target: DbTarget, options: OpenDbOptions = {}): Promise<OpenedDb> {
  const migrationsFolder = options.migrationsFolder
    ? path.resolve(/* turbopackIgnore: true */ options.migrationsFolder)
    : defaultMigrationsFolder();
  if (!fs.existsSync(path.join(migrationsFolder, 'meta', '_journal.json'))) {
    throw new Error(`The console's database migrations are missing: no ${path.join(migrationsFolder, 'meta', '_journal.json')} (start the console from its own directory)`);
  }
  // Each engine is loaded only when used: a PostgreSQL deployment never loads PGlite's WASM.
  if ('url' in target) {
    const { openPostgres } = await import('@/server/db/postgres');
    return openPostgres(target.url, migrationsFolder);
  }
  const { openPglite } = await import('@/server/db/pglite');
  return openPglite(target.dataDir, migrationsFolder);
}
