import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/server/db/client';
import { logInternalError } from '@/server/http/log';
import { withDeadline } from '@/server/kafka/deadline';
import { knownBrokers } from '@/server/db/schema';
import { processState } from '@/server/process-state';

export type KnownBroker = { id: number; host: string; port: number; rack: string | null; lastSeen: number };
type Live = { id: number; host: string; port: number; rack: string | null };

// last_seen is refreshed at most once a minute per broker: snapshots run every few seconds.
const REFRESH_MS = 60_000;
const written = processState<Map<string, { at: number; json: string }>>('knownBrokersWritten', () => new Map());

/**
 * Records the live brokers of a cluster and returns every broker ever seen there (kept in the console
 * database, so a broker that was down when the console restarted is still reported missing).
 */
export async function observeBrokers(clusterId: string, live: readonly Live[]): Promise<KnownBroker[]> {
  const db = await getDb();
  const now = Date.now();
  const stale = live.filter((b) => {
    const last = written.get(`${clusterId}\u0000${b.id}`);
    return !last || last.json !== JSON.stringify(b) || now - last.at > REFRESH_MS;
  });
  if (stale.length > 0) {
    await db
      .insert(knownBrokers)
      .values(stale.map((b) => ({ clusterId, brokerId: b.id, host: b.host, port: b.port, rack: b.rack, lastSeen: new Date(now) })))
      .onConflictDoUpdate({
        target: [knownBrokers.clusterId, knownBrokers.brokerId],
        set: { host: sql`excluded.host`, port: sql`excluded.port`, rack: sql`excluded.rack`, lastSeen: sql`excluded.last_seen` },
      });
    for (const b of stale) written.set(`${clusterId}\u0000${b.id}`, { at: now, json: JSON.stringify(b) });
  }
  const rows = await db.select().from(knownBrokers).where(eq(knownBrokers.clusterId, clusterId));
  return rows
    .map((r) => ({ id: r.brokerId, host: r.host, port: r.port, rack: r.rack, lastSeen: r.lastSeen.getTime() }))
    .sort((a, b) => a.id - b.id);
}

/**
 * observeBrokers for request paths: bounded in time and never failing. Without the console database (down,
 * or still opening) answers go on; only "a known broker is missing" goes unseen meanwhile.
 */
export async function knownBrokersOrNone(clusterId: string, live: readonly Live[], timeoutMs = 2_000): Promise<KnownBroker[]> {
  try {
    return await withDeadline(observeBrokers(clusterId, live), timeoutMs, 'the console database');
  } catch (error) {
    logInternalError('known-brokers', error);
    return [];
  }
}
