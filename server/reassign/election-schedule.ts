import 'server-only';
import { and, eq, lte } from 'drizzle-orm';
import type { ElectionRun, ElectionSchedule, ElectionScheduleInput } from '@/lib/schemas/reassignments';
import { electionRunSchema } from '@/lib/schemas/reassignments';
import { getConfig } from '@/server/config/current';
import type { Db } from '@/server/db/types';
import { leaderElectionSchedules, type LeaderElectionScheduleRow } from '@/server/db/schema';
import { dbOr } from '@/server/db/sql';
import { electPreferredLeaders } from '@/server/reassign/leader-election';
import { runningJobs } from '@/server/reassign/job-store';

const MINUTE_MS = 60_000;

function toApi(row: LeaderElectionScheduleRow): ElectionSchedule {
  const result = electionRunSchema.safeParse(row.lastResult);
  return {
    clusterId: row.clusterId,
    everyMinutes: row.everyMinutes,
    ...(row.scope.topics ? { topics: row.scope.topics } : {}),
    ...(row.scope.brokers ? { brokers: row.scope.brokers } : {}),
    nextRunAt: row.nextRunAt.getTime(),
    lastRunAt: row.lastRunAt?.getTime() ?? null,
    lastResult: result.success ? result.data : null,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.getTime(),
  };
}

export async function getElectionSchedule(clusterId: string, given?: Db): Promise<ElectionSchedule | null> {
  const db = await dbOr(given);
  const [row] = await db.select().from(leaderElectionSchedules).where(eq(leaderElectionSchedules.clusterId, clusterId));
  return row ? toApi(row) : null;
}

/** Sets (or replaces) the cluster's schedule; the first run is one interval from now. */
export async function setElectionSchedule(
  clusterId: string,
  input: ElectionScheduleInput,
  by: string,
  now = Date.now(),
  given?: Db,
): Promise<ElectionSchedule> {
  const db = await dbOr(given);
  const values = {
    everyMinutes: input.everyMinutes,
    scope: { ...(input.topics ? { topics: input.topics } : {}), ...(input.brokers ? { brokers: input.brokers } : {}) },
    nextRunAt: new Date(now + input.everyMinutes * MINUTE_MS),
    createdBy: by,
    updatedAt: new Date(now),
  };
  const [row] = await db
    .insert(leaderElectionSchedules)
    .values({ clusterId, ...values })
    .onConflictDoUpdate({ target: leaderElectionSchedules.clusterId, set: values })
    .returning();
  return toApi(row!);
}

export async function deleteElectionSchedule(clusterId: string, given?: Db): Promise<boolean> {
  const db = await dbOr(given);
  return (await db.delete(leaderElectionSchedules).where(eq(leaderElectionSchedules.clusterId, clusterId)).returning()).length > 0;
}

/**
 * Takes the schedules due at `now` by moving each one's next run an interval ahead, in one statement per schedule
 * guarded by the old time: of several consoles on one PostgreSQL only one gets a given run.
 */
export async function claimDueSchedules(now: number, given?: Db): Promise<LeaderElectionScheduleRow[]> {
  const db = await dbOr(given);
  const due = await db
    .select()
    .from(leaderElectionSchedules)
    .where(lte(leaderElectionSchedules.nextRunAt, new Date(now)));
  const claimed: LeaderElectionScheduleRow[] = [];
  for (const row of due) {
    // Never a burst of catch-up runs after downtime: the next run is an interval from now.
    const [taken] = await db
      .update(leaderElectionSchedules)
      .set({ nextRunAt: new Date(now + row.everyMinutes * MINUTE_MS), lastRunAt: new Date(now) })
      .where(and(eq(leaderElectionSchedules.clusterId, row.clusterId), eq(leaderElectionSchedules.nextRunAt, row.nextRunAt)))
      .returning();
    if (taken) claimed.push(taken);
  }
  return claimed;
}

/** One scheduled election, skipped while a reassignment moves partitions (leaders would move again) or on a read-only cluster. */
async function runOne(row: LeaderElectionScheduleRow): Promise<ElectionRun> {
  const cluster = getConfig().clusters.find((c) => c.id === row.clusterId);
  const none = { elected: 0, alreadyPreferred: 0, failed: 0 };
  if (!cluster) return { ...none, skipped: 'the cluster is no longer configured' };
  if (cluster.readOnly) return { ...none, skipped: 'the cluster is read-only' };
  if ((await runningJobs(row.clusterId)).length > 0) return { ...none, skipped: 'a reassignment is moving partitions' };
  try {
    const result = await electPreferredLeaders(row.clusterId, row.scope);
    return { elected: result.elected.length, alreadyPreferred: result.alreadyPreferred, failed: result.failed.length };
  } catch (error) {
    return { ...none, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs every schedule due at `now` (the reassignment worker calls this on each pass) and records what each did. */
export async function runDueElections(now = Date.now(), given?: Db): Promise<{ clusterId: string; result: ElectionRun }[]> {
  const db = await dbOr(given);
  const ran: { clusterId: string; result: ElectionRun }[] = [];
  for (const row of await claimDueSchedules(now, db)) {
    const result = await runOne(row);
    await db.update(leaderElectionSchedules).set({ lastResult: result }).where(eq(leaderElectionSchedules.clusterId, row.clusterId));
    console.log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'info',
        source: 'scheduled leader election',
        clusterId: row.clusterId,
        ...result,
      }),
    );
    ran.push({ clusterId: row.clusterId, result });
  }
  return ran;
}
