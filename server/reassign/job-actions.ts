import 'server-only';
import { ApiError } from '@/lib/errors';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { clearThrottles, setBrokerRates, setThrottles } from '@/server/reassign/apply-throttles';
import { findJob, runningJobs, updateJob, type StoredJob } from '@/server/reassign/job-store';
import { startReassignment } from '@/server/reassign/start-job';
import { throttledBrokers } from '@/server/reassign/throttles';
import { wakeReassignWorker } from '@/server/reassign/worker';

async function jobOf(clusterId: string, jobId: string): Promise<StoredJob> {
  const job = await findJob(clusterId, jobId);
  if (!job) throw new ApiError('NOT_FOUND', `Reassignment job "${jobId}" does not exist`);
  return job;
}

function assertRunning(job: StoredJob, what: string) {
  if (job.state !== 'running') throw new ApiError('CONFLICT', `The job is ${job.state}: it cannot ${what}`);
}

/** Cancel: the worker sends `replicas: null` for what moves (Kafka restores the original replicas), then clears throttles. */
export async function cancelReassignment(clusterId: string, jobId: string): Promise<{ jobId: string }> {
  const job = await jobOf(clusterId, jobId);
  assertRunning(job, 'be cancelled');
  await updateJob(job.id, { progress: { ...job.progress, cancelRequested: true } });
  wakeReassignWorker();
  return { jobId };
}

/** Roll back: the saved rollback plan submitted as a new job (the job must have ended; the same throttle). */
export async function rollBackReassignment(clusterId: string, jobId: string, createdBy: string): Promise<{ jobId: string }> {
  const job = await jobOf(clusterId, jobId);
  if (job.state === 'running') throw new ApiError('CONFLICT', 'The job is still running: cancel it instead, or wait for it to end');
  const request = {
    plan: job.rollback,
    allowReplicationFactorChange: true,
    ...(job.throttleBytesPerSec !== null ? { throttleBytesPerSec: job.throttleBytesPerSec } : {}),
  };
  return startReassignment(clusterId, request, createdBy, job.id);
}

/** A new throttle in flight: the rates on the job's brokers (and the replica lists when it had none); null removes it. */
export async function changeReassignmentThrottle(
  clusterId: string,
  jobId: string,
  rate: number | null,
): Promise<{ jobId: string; throttleBytesPerSec: number | null }> {
  const job = await jobOf(clusterId, jobId);
  assertRunning(job, 'change its throttle');
  const moves = job.progress.partitions;
  const failures = await withKafkaForwarded(clusterId, async (connection) => {
    if (rate === null) {
      const others = (await runningJobs(clusterId)).filter((j) => j.id !== job.id && j.throttleBytesPerSec !== null);
      return clearThrottles(connection, moves, { keepRates: others.length > 0 });
    }
    return job.throttleBytesPerSec === null
      ? setThrottles(connection, moves, rate)
      : setBrokerRates(connection, throttledBrokers(moves), rate);
  });
  await updateJob(job.id, {
    throttleBytesPerSec: rate,
    message: failures.length > 0 ? `Throttle not changed on ${failures.join('; ')}` : job.message,
  });
  return { jobId, throttleBytesPerSec: rate };
}
