import 'server-only';
import type { SQL } from 'drizzle-orm';
import { getDb } from '@/server/db/client';
import type { Db } from '@/server/db/types';

/** The console's database, or the one a storage test or a benchmark passes. */
export const dbOr = async (db: Db | undefined) => db ?? (await getDb());

/** The rows of a raw statement: both drivers' results carry `rows` (drizzle types the union as unknown). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
