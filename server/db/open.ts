import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { DbTarget, OpenDbOptions, OpenedDb } from '@/server/db/types';

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
    throw new Error(
      `The console's database migrations are missing: no ${path.join(migrationsFolder, 'meta', '_journal.json')} (start the console from its own directory)`,
    );
  }
  // Each engine is loaded only when used: a PostgreSQL deployment never loads PGlite's WASM.
  if ('url' in target) {
    const { openPostgres } = await import('@/server/db/postgres');
    return openPostgres(target.url, migrationsFolder);
  }
  const { openPglite } = await import('@/server/db/pglite');
  return openPglite(target.dataDir, migrationsFolder);
}
