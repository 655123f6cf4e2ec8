import 'server-only';
import { randomUUID } from 'node:crypto';
import { ApiError } from '@/lib/errors';
import type { ExecuteRequest, ReassignmentJson } from '@/lib/schemas/reassignments';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { leaderSizes } from '@/server/cluster-state/topic-summary';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { setThrottles } from '@/server/reassign/apply-throttles';
import { initialProgress } from '@/server/reassign/job-progress';
import { insertJob, updateJob } from '@/server/reassign/job-store';
import { ongoingMoves } from '@/server/reassign/kafka-moves';
import { validatePlan, type PlannedMove } from '@/server/reassign/validate-plan';
import { wakeReassignWorker } from '@/server/reassign/worker';

/** The current assignment of the moved partitions, in the tool's format: submitting it undoes the plan. */
const rollbackOf = (moves: readonly PlannedMove[]): ReassignmentJson => ({
  version: 1,
  partitions: moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.before })),
});

/**
 * Starts a reassignment job: the plan is checked against a fresh snapshot and the ongoing moves, persisted with its
 * rollback, throttled like kafka-reassign-partitions --throttle (before anything moves), then handed to the worker,
 * which submits it in chunks and follows it. Answers the job id at once (202).
 */
export async function startReassignment(
  clusterId: string,
  request: ExecuteRequest,
  createdBy: string,
  rollbackOfJob: string | null = null,
): Promise<{ jobId: string }> {
  const [snapshot, reassigning] = await Promise.all([
    getClusterSnapshot(clusterId, { maxAgeMs: 0 }),
    withKafkaForwarded(clusterId, ongoingMoves),
  ]);
  const sizes = leaderSizes(snapshot);
  const moves = validatePlan(request, snapshot.metadata, new Set(reassigning.keys()), snapshot.logDirs, sizes);
  if (moves.length === 0)
    throw new ApiError('VALIDATION', 'The plan moves nothing', { fieldErrors: { 'plan.partitions': ['The plan moves nothing'] } });
  const job = await insertJob({
    id: randomUUID(),
    clusterId,
    state: 'running',
    phase: 'moving',
    createdBy,
    throttleBytesPerSec: request.throttleBytesPerSec ?? null,
    plan: request.plan,
    rollback: rollbackOf(moves),
    rollbackOf: rollbackOfJob,
    message: null,
    progress: initialProgress(moves, sizes, Date.now()),
  });
  if (request.throttleBytesPerSec !== undefined) {
    const rate = request.throttleBytesPerSec;
    try {
      const failures = await withKafkaForwarded(clusterId, (c) =>
        setThrottles(
          c,
          moves.map((m) => ({ ...m, target: m.after })),
          rate,
        ),
      );
      if (failures.length > 0) await updateJob(job.id, { message: `Throttle rate not set on ${failures.join('; ')}` });
    } catch (error) {
      // Nothing was submitted: the job ends here, and its throttles are cleared by the worker's finishing pass.
      await updateJob(job.id, {
        phase: 'finishing',
        progress: { ...job.progress, cancelRequested: true },
        message: 'The throttle could not be set: nothing was moved',
      });
      wakeReassignWorker();
      throw error;
    }
  }
  wakeReassignWorker();
  return { jobId: job.id };
}
