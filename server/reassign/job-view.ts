import 'server-only';
import { ApiError } from '@/lib/errors';
import type { JobListResponse, ReassignmentJob } from '@/lib/schemas/reassignments';
import { getConfig } from '@/server/config/current';
import { summarize } from '@/server/reassign/job-progress';
import { findJob, listJobs, type StoredJob } from '@/server/reassign/job-store';

/** A stored job as the API shows it: the worker's progress summed up (bytes, rate, ETA, stalled). */
export function jobView(job: StoredJob, now = Date.now()): ReassignmentJob {
  const summary = summarize(job.progress, now, getConfig().reassign.stallAfterMs);
  const running = job.state === 'running';
  return {
    jobId: job.id,
    state: job.state,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    createdBy: job.createdBy,
    throttleBytesPerSec: job.throttleBytesPerSec,
    bytesTotal: summary.bytesTotal,
    bytesDone: summary.bytesDone,
    bytesPerSec: running ? summary.bytesPerSec : null,
    etaSeconds: running ? summary.etaSeconds : null,
    stalled: running && summary.stalled,
    cancelling: running && job.progress.cancelRequested === true,
    rollbackOf: job.rollbackOf,
    message: job.message,
    partitions: job.progress.partitions.map(({ topic, partition, target, state, adding, removing, error, note }) => ({
      topic,
      partition,
      target,
      state,
      ...(adding ? { adding } : {}),
      ...(removing ? { removing } : {}),
      ...(error ? { error } : {}),
      ...(note ? { note } : {}),
    })),
  };
}

export async function getReassignment(clusterId: string, jobId: string): Promise<ReassignmentJob> {
  const job = await findJob(clusterId, jobId);
  if (!job) throw new ApiError('NOT_FOUND', `Reassignment job "${jobId}" does not exist`);
  return jobView(job);
}

/** The cluster's jobs, newest first (the last 100). */
export async function listReassignments(clusterId: string): Promise<JobListResponse> {
  const now = Date.now();
  return {
    jobs: (await listJobs(clusterId)).map((job) => {
      const { partitions, ...rest } = jobView(job, now);
      return { ...rest, partitionCount: partitions.length };
    }),
  };
}
