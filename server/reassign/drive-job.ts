import 'server-only';
import type { ReassignSettings } from '@/server/config/schema';
import { withKafkaForwarded } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { clearThrottles } from '@/server/reassign/apply-throttles';
import {
  SETTLE_MS,
  keyOf,
  markSubmitted,
  nextChunk,
  observe,
  type JobProgress,
  type PartitionProgress,
} from '@/server/reassign/job-progress';
import { runningJobs, updateJob, type StoredJob } from '@/server/reassign/job-store';
import { readObservation, submitMoves } from '@/server/reassign/kafka-moves';

const DRIVE_DEADLINE_MS = 30_000;
const finished = (progress: JobProgress) =>
  progress.partitions.every((p) => p.state === 'done' || p.state === 'failed' || (progress.cancelRequested && p.state === 'pending'));
const jobTopics = (progress: JobProgress) => [...new Set(progress.partitions.map((p) => p.topic))];

/** Moving: read what Kafka reports, advance the partitions, submit the next chunk; all settled → finishing. */
async function move(connection: KafkaConnection, job: StoredJob, settings: ReassignSettings): Promise<StoredJob> {
  let progress = observe(job.progress, await readObservation(connection, job.clusterId, jobTopics(job.progress), settings.pollMs));
  const chunk = nextChunk(progress, settings.maxMovingPartitions);
  if (chunk.length > 0) {
    const refusals = await submitMoves(
      connection,
      chunk.map((p) => ({ topic: p.topic, partition: p.partition, replicas: p.target })),
    );
    progress = markSubmitted(progress, refusals, chunk, Date.now());
  }
  return { ...job, progress, phase: finished(progress) ? 'finishing' : 'moving' };
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Cancelling: `replicas: null` for what still moves; pending partitions are never submitted. Kafka restores the
 * original brokers but not always their order (it keeps "current minus adding": [1,2] → [3,2] cancelled is
 * [2,1]), which would change preferred leaders: those get one reorder-only move back to the original list.
 * Once nothing of the job moves → finishing.
 */
async function cancel(connection: KafkaConnection, job: StoredJob, settings: ReassignSettings): Promise<StoredJob> {
  const moving = job.progress.partitions.filter((p) => p.state === 'moving');
  if (moving.length > 0 && job.progress.restoringOrderSince === undefined)
    await submitMoves(
      connection,
      moving.map((p) => ({ topic: p.topic, partition: p.partition, replicas: null })),
    );
  const seen = await readObservation(connection, job.clusterId, jobTopics(job.progress), settings.pollMs);
  if (moving.some((p) => seen.reassigning.has(keyOf(p.topic, p.partition)))) return { ...job, phase: 'cancelling' };
  // The controller has undone the moves; brokers' metadata may still show a move's replica set for a moment.
  const settling = moving.filter((p) => {
    const now = seen.replicas.get(keyOf(p.topic, p.partition)) ?? [];
    return now.join() !== p.target.join() && !sameSet(now, p.before);
  });
  const settlingSince = job.progress.cancelSettlingSince ?? seen.at;
  if (settling.length > 0 && seen.at - settlingSince < SETTLE_MS)
    return { ...job, progress: { ...job.progress, cancelSettlingSince: settlingSince }, phase: 'cancelling' };
  const misordered: PartitionProgress[] = [];
  const partitions = job.progress.partitions.map((p): PartitionProgress => {
    if (p.state === 'pending') return { ...p, note: p.note ?? 'Cancelled before it was submitted' };
    if (p.state !== 'moving') return p;
    const now = seen.replicas.get(keyOf(p.topic, p.partition)) ?? [];
    const { adding: _a, removing: _r, unsettledSince: _u, ...rest } = p;
    // It may have completed before the cancel reached it.
    if (now.join() === p.target.join()) return { ...rest, state: 'done', bytesDone: p.bytesTotal };
    const since = job.progress.restoringOrderSince;
    if (now.join() !== p.before.join() && sameSet(now, p.before) && (since === undefined || seen.at - since < SETTLE_MS)) {
      misordered.push(p);
      return p;
    }
    return { ...rest, state: 'pending', bytesDone: '0', note: `Cancelled: back on [${now.join(',')}]` };
  });
  if (misordered.length > 0) {
    // Submitted once; then brokers' metadata is given SETTLE_MS to show the original order.
    if (job.progress.restoringOrderSince !== undefined) return { ...job, phase: 'cancelling' };
    await submitMoves(
      connection,
      misordered.map((p) => ({ topic: p.topic, partition: p.partition, replicas: p.before })),
    );
    return { ...job, progress: { ...job.progress, partitions, restoringOrderSince: seen.at }, phase: 'cancelling' };
  }
  return { ...job, progress: { ...job.progress, partitions }, phase: 'finishing' };
}

/** Finishing: the job's throttles removed (rates too unless another running job is throttled), then its final state. */
async function finish(connection: KafkaConnection, job: StoredJob): Promise<StoredJob> {
  let message = job.message;
  if (job.throttleBytesPerSec !== null) {
    const others = (await runningJobs(job.clusterId)).filter((j) => j.id !== job.id && j.throttleBytesPerSec !== null);
    const failures = await clearThrottles(connection, job.progress.partitions, { keepRates: others.length > 0 });
    if (failures.length > 0) message = `Throttle rates not removed on ${failures.join('; ')}`;
  }
  const failed = job.progress.partitions.filter((p) => p.state === 'failed');
  const state = job.progress.cancelRequested ? 'cancelled' : failed.length > 0 ? 'failed' : 'completed';
  message ??= state === 'failed' ? `${failed.length} partition${failed.length > 1 ? 's' : ''} did not reach the plan` : null;
  return { ...job, state, message };
}

/** One pass over a running job; the state it reaches is saved. Errors leave the job as it was, for the next pass. */
export async function driveJob(job: StoredJob, settings: ReassignSettings): Promise<StoredJob> {
  const next = await withKafkaForwarded(
    job.clusterId,
    async (connection) => {
      let current: StoredJob = job.progress.cancelRequested && job.phase === 'moving' ? { ...job, phase: 'cancelling' } : job;
      if (current.phase === 'moving') current = await move(connection, current, settings);
      else if (current.phase === 'cancelling') current = await cancel(connection, current, settings);
      if (current.phase === 'finishing') current = await finish(connection, current);
      return current;
    },
    { deadlineMs: DRIVE_DEADLINE_MS },
  );
  await updateJob(job.id, { state: next.state, phase: next.phase, progress: next.progress, message: next.message });
  return next;
}
