import 'server-only';
import { dbOr } from '@/server/db/sql';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { ReassignmentJson } from '@/lib/schemas/reassignments';
import type { Db } from '@/server/db/types';
import { reassignmentJobs, type ReassignmentJobRow } from '@/server/db/schema';
import type { JobProgress } from '@/server/reassign/job-progress';

export type JobState = 'running' | 'completed' | 'cancelled' | 'failed';
/** Steps of a running job: chunks being submitted and moved, a cancel under way, throttles being cleared. */
export type JobPhase = 'moving' | 'cancelling' | 'finishing';

export type StoredJob = {
  id: string;
  clusterId: string;
  state: JobState;
  phase: JobPhase;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
  throttleBytesPerSec: number | null;
  plan: ReassignmentJson;
  rollback: ReassignmentJson;
  rollbackOf: string | null;
  message: string | null;
  progress: JobProgress;
};

/** The console's database, or the one a storage test passes. */

const fromRow = (row: ReassignmentJobRow): StoredJob => ({
  id: row.id,
  clusterId: row.clusterId,
  state: row.state,
  phase: row.phase as JobPhase,
  createdAt: row.createdAt.getTime(),
  updatedAt: row.updatedAt.getTime(),
  createdBy: row.createdBy,
  throttleBytesPerSec: row.throttleBytesPerSec,
  plan: row.plan as ReassignmentJson,
  rollback: row.rollback as ReassignmentJson,
  rollbackOf: row.rollbackOf,
  message: row.message,
  progress: row.progress as JobProgress,
});

export async function insertJob(job: Omit<StoredJob, 'createdAt' | 'updatedAt'>, given?: Db): Promise<StoredJob> {
  const db = await dbOr(given);
  const [row] = await db.insert(reassignmentJobs).values(job).returning();
  return fromRow(row!);
}

export async function findJob(clusterId: string, id: string, given?: Db): Promise<StoredJob | null> {
  const db = await dbOr(given);
  const [row] = await db
    .select()
    .from(reassignmentJobs)
    .where(and(eq(reassignmentJobs.clusterId, clusterId), eq(reassignmentJobs.id, id)));
  return row ? fromRow(row) : null;
}

export async function listJobs(clusterId: string, limit = 100, given?: Db): Promise<StoredJob[]> {
  const db = await dbOr(given);
  const rows = await db
    .select()
    .from(reassignmentJobs)
    .where(eq(reassignmentJobs.clusterId, clusterId))
    .orderBy(desc(reassignmentJobs.createdAt))
    .limit(limit);
  return rows.map(fromRow);
}

export async function runningJobs(clusterId?: string, given?: Db): Promise<StoredJob[]> {
  const db = await dbOr(given);
  const running = eq(reassignmentJobs.state, 'running');
  const rows = await db
    .select()
    .from(reassignmentJobs)
    .where(clusterId ? and(running, eq(reassignmentJobs.clusterId, clusterId)) : running);
  return rows.map(fromRow);
}

export async function updateJob(
  id: string,
  change: Partial<Pick<StoredJob, 'state' | 'phase' | 'throttleBytesPerSec' | 'message' | 'progress'>>,
  given?: Db,
) {
  const db = await dbOr(given);
  await db
    .update(reassignmentJobs)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(reassignmentJobs.id, id));
}

/**
 * Takes or renews the lease of a running job for `owner` until `leaseMs` from now; false when another worker
 * holds an unexpired lease. One conditional UPDATE: two consoles on one PostgreSQL cannot both win it.
 */
export async function claimJob(id: string, owner: string, leaseMs: number, given?: Db): Promise<boolean> {
  const db = await dbOr(given);
  const now = new Date();
  const rows = await db
    .update(reassignmentJobs)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(reassignmentJobs.id, id),
        eq(reassignmentJobs.state, 'running'),
        or(isNull(reassignmentJobs.leaseUntil), lt(reassignmentJobs.leaseUntil, now), eq(reassignmentJobs.leaseOwner, owner)),
      ),
    )
    .returning({ id: reassignmentJobs.id });
  return rows.length === 1;
}

/** A worker stopping cleanly hands its jobs over at once instead of letting their leases run out. */
export async function releaseLeases(owner: string, given?: Db) {
  const db = await dbOr(given);
  await db.update(reassignmentJobs).set({ leaseOwner: null, leaseUntil: null }).where(eq(reassignmentJobs.leaseOwner, owner));
}
