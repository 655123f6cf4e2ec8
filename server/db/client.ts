import 'server-only';
import path from 'node:path';
import { openDb } from '@/server/db/open';
import type { Db, DbTarget, HeldLock, OpenedDb } from '@/server/db/types';
import { processState } from '@/server/process-state';

/**
 * The process's database: PostgreSQL when DATABASE_URL is set, else PGlite under the console data dir
 * (CONSOLE_DATA_DIR, default `.data/console`, relative to the working directory).
 */
export function dbTargetFromEnv(env: Record<string, string | undefined> = process.env): DbTarget {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  // turbopackIgnore: runtime data, not code; without it Next's output tracing would copy the whole project.
  if (env.CONSOLE_DATA_DIR) return { dataDir: path.resolve(/* turbopackIgnore: true */ env.CONSOLE_DATA_DIR) };
  return { dataDir: path.join(/* turbopackIgnore: true */ process.cwd(), '.data', 'console') };
}

// Process-wide (server/process-state.ts): dev hot reload re-evaluates modules and must not open the database twice (PGlite
// would refuse: its lock is held by this very process).
const holder = processState<{ consoleDb?: Promise<OpenedDb> }>('consoleDb', () => ({}));

function opened(): Promise<OpenedDb> {
  if (!holder.consoleDb) {
    // Single flight: concurrent first callers share one open; a failed open is forgotten so a later call retries.
    const opening = openDb(dbTargetFromEnv());
    holder.consoleDb = opening;
    opening.catch(() => {
      if (holder.consoleDb === opening) holder.consoleDb = undefined;
    });
  }
  return holder.consoleDb;
}

/** The drizzle database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  return (await opened()).db;
}

/** Takes a named lock shared by every console on this database (see OpenedDb.tryLock); null when another holds it. */
export async function tryDbLock(name: string): Promise<HeldLock | null> {
  return (await opened()).tryLock(name);
}

/** Opens the database and applies pending migrations now (server start-up), so the first request doesn't. */
export async function migrateDb(): Promise<{ engine: OpenedDb['engine']; migrationMs: number }> {
  const { engine, migrationMs } = await opened();
  return { engine, migrationMs };
}

/** Closes the database (tests, graceful shutdown); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const current = holder.consoleDb;
  holder.consoleDb = undefined;
  const db = await current?.catch(() => undefined);
  await db?.close();
}
