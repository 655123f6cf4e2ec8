import 'server-only';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { HeldLock, OpenedDb } from '@/server/db/types';
import * as schema from '@/server/db/schema';

/** pg_advisory_lock key held while migrating: an arbitrary constant of this application ("kafkacon"). */
const MIGRATION_LOCK_KEY = 0x6b61666b61636f6en;

/** The PostgreSQL at `url` through a node-postgres pool, with bounded connect and statement times. */
export async function openPostgres(url: string, migrationsFolder: string): Promise<OpenedDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Bounds every statement, including the wait for another process's migration lock below.
    statement_timeout: 30_000,
    application_name: 'kafka-console',
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (error) => console.error(`kafka-console: database connection lost: ${error.message}`));
  try {
    const started = performance.now();
    await migrateLocked(pool, migrationsFolder);
    const migrationMs = performance.now() - started;
    return {
      db: drizzle({ client: pool, schema }),
      engine: 'postgres',
      migrationMs,
      close: () => pool.end(),
      tryLock: (name) => tryAdvisoryLock(pool, name),
    };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

/**
 * drizzle's migrator is not safe against itself (two CREATE SCHEMA IF NOT EXISTS can collide, and both could
 * apply the same migration): processes starting together take turns on a session-level advisory lock.
 */
async function migrateLocked(pool: pg.Pool, migrationsFolder: string) {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migrate(drizzle({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
    }
  } catch (error) {
    // A connection in an unknown state (maybe still holding the lock) is closed rather than reused.
    broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A session-level advisory lock named `name`, on a pooled connection kept for as long as the lock is held. */
async function tryAdvisoryLock(pool: pg.Pool, name: string): Promise<HeldLock | null> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [name]);
    if (!rows[0]?.locked) {
      client.release();
      return null;
    }
  } catch (error) {
    client.release(true);
    throw error;
  }
  let held = true;
  client.on('error', () => {
    held = false;
  });
  return {
    get held() {
      return held;
    },
    release: async () => {
      if (!held) return;
      held = false;
      try {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]);
        client.release();
      } catch {
        // The connection is gone, and the lock with it.
        client.release(true);
      }
    },
  };
}
