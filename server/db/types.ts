// The database's types, apart from the code that opens it: the engines (pglite.ts, postgres.ts) and open.ts,
// which loads them, all use them without importing each other in a circle.
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
