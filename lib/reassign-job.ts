import type { JobPartition, ReassignmentJob } from '@/lib/schemas/reassignments';

type JobState = ReassignmentJob['state'];

/** Badge tones by state (a Badge's tone names). */
export const JOB_STATE_TONE: Record<JobState, 'info' | 'good' | 'warn' | 'bad'> = {
  running: 'info',
  completed: 'good',
  cancelled: 'warn',
  failed: 'bad',
};
export const PARTITION_STATE_TONE: Record<JobPartition['state'], 'neutral' | 'info' | 'good' | 'bad'> = {
  pending: 'neutral',
  moving: 'info',
  done: 'good',
  failed: 'bad',
};

/** 0–100 with one decimal from exact int64 strings; null when there is nothing to copy (only reorders). */
export function bytesPercent(done: string, total: string): number | null {
  const whole = BigInt(total);
  if (whole <= 0n) return null;
  const part = BigInt(done);
  const permille = ((part > whole ? whole : part < 0n ? 0n : part) * 1000n) / whole;
  return Number(permille) / 10;
}

/** Partitions per state, and how many of them have ended (done or failed). */
export function partitionCounts(partitions: readonly Pick<JobPartition, 'state'>[]) {
  const counts = { pending: 0, moving: 0, done: 0, failed: 0 };
  for (const p of partitions) counts[p.state] += 1;
  return { ...counts, total: partitions.length, ended: counts.done + counts.failed };
}

/** Ended jobs can be rolled back (a running one is cancelled instead). */
export const hasEnded = (state: JobState) => state !== 'running';

/** The job's partitions, for a preferred leader election on just them once it has completed. */
export const electionPartitions = (job: Pick<ReassignmentJob, 'partitions'>) =>
  job.partitions.map(({ topic, partition }) => ({ topic, partition }));

/** The first block of a UUID, enough to tell jobs apart in a list or a title. */
export const shortJobId = (jobId: string) => jobId.split('-')[0] ?? jobId;

/** Epoch ms → "2025-05-01 12:34:56 UTC" (the same on server and client). */
export const formatTime = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
