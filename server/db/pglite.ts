import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { acquireLock } from '@/server/db/lock';
import type { OpenedDb } from '@/server/db/types';
import * as schema from '@/server/db/schema';

const SHARED_BUFFERS = '32MB';

/**
 * PGlite (Postgres compiled to WASM, in this process) with its files in `<dataDir>/pglite/`. PGlite cannot
 * share its files with another instance, so `<dataDir>/console.lock` keeps other processes out.
 */
export async function openPglite(dataDir: string, migrationsFolder: string): Promise<OpenedDb> {
  const root = path.resolve(dataDir);
  const release = acquireLock(path.join(root, 'console.lock'));
  let client: PGlite | undefined;
  try {
    const files = path.join(root, 'pglite');
    // PGlite creates its directory but not the parents.
    fs.mkdirSync(files, { recursive: true });
    // 32 MB of shared buffers instead of PostgreSQL's 128 MB: PGlite takes them out of this process's memory (WASM
    // memory never shrinks), and the OS page cache still holds the files they would cache.
    client = await PGlite.create(files, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] });
    const db = drizzle({ client, schema });
    const started = performance.now();
    await migrate(db, { migrationsFolder });
    const migrationMs = performance.now() - started;
    const opened = client;
    return {
      db,
      engine: 'pglite',
      migrationMs,
      tryLock: async () => ({ held: true, release: async () => {} }),
      close: async () => {
        try {
          if (!opened.closed) await opened.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await client?.close().catch(() => {});
    release();
    throw error;
  }
}
