import 'server-only';
import { randomUUID } from 'node:crypto';
import { getConfig } from '@/server/config/current';
import { logInternalError } from '@/server/http/log';
import { driveJob } from '@/server/reassign/drive-job';
import { runDueElections } from '@/server/reassign/election-schedule';
import { claimJob, releaseLeases, runningJobs } from '@/server/reassign/job-store';
import { processState } from '@/server/process-state';

/** A lease outlives several passes, so a worker that is merely slow keeps its jobs; a dead one loses them soon. */
const LEASE_PASSES = 10;
const MIN_LEASE_MS = 30_000;

type Worker = { id: string; timer: NodeJS.Timeout | null; running: Promise<void> | null; stopped: boolean };
const holder = processState<{ reassignWorker?: Worker }>('reassignWorker', () => ({}));

/** One pass over every running job this worker can lease; a job's failure is logged and retried next pass. */
async function pass(worker: Worker) {
  // Scheduled preferred leader elections ride on the same loop: due ones are claimed atomically, so once per run.
  await runDueElections().catch((error: unknown) => logInternalError('scheduled leader election', error));
  const settings = getConfig().reassign;
  const leaseMs = Math.max(MIN_LEASE_MS, settings.pollMs * LEASE_PASSES);
  for (const job of await runningJobs()) {
    if (worker.stopped) return;
    if (!(await claimJob(job.id, worker.id, leaseMs))) continue;
    try {
      await driveJob(job, settings);
    } catch (error) {
      logInternalError(`reassignment job ${job.id}`, error);
    }
  }
}

function schedule(worker: Worker, delayMs: number) {
  if (worker.stopped) return;
  if (worker.timer) clearTimeout(worker.timer);
  worker.timer = setTimeout(() => {
    worker.timer = null;
    // Never two passes at once: a pass that outlives the interval delays the next one.
    if (worker.running) return schedule(worker, getConfig().reassign.pollMs);
    worker.running = pass(worker)
      .catch((error: unknown) => logInternalError('reassignment worker', error))
      .finally(() => {
        worker.running = null;
        schedule(worker, getConfig().reassign.pollMs);
      });
  }, delayMs);
  worker.timer.unref();
}

/**
 * The process's reassignment worker (one per process, process-wide state for dev reloads): it resumes the running jobs
 * found in the console database at start and drives each one pass per `reassign.pollMs`.
 */
export function startReassignWorker() {
  if (holder.reassignWorker && !holder.reassignWorker.stopped) return;
  holder.reassignWorker = { id: randomUUID(), timer: null, running: null, stopped: false };
  schedule(holder.reassignWorker, 0);
}

/** A new job or a cancel: the next pass now rather than at the next tick (starts the worker if needed). */
export function wakeReassignWorker() {
  startReassignWorker();
  const worker = holder.reassignWorker!;
  if (!worker.running) schedule(worker, 0);
}

export async function stopReassignWorker() {
  const worker = holder.reassignWorker;
  if (!worker) return;
  worker.stopped = true;
  if (worker.timer) clearTimeout(worker.timer);
  await worker.running;
  holder.reassignWorker = undefined;
  await releaseLeases(worker.id).catch((error: unknown) => logInternalError('reassignment worker', error));
}
