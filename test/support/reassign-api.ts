// The reassignment API as the tests drive it: plan, execute, follow a job to its end, as the admin.
import { expect } from 'vitest';
import { GET as getJob } from '@/app/api/v1/clusters/[clusterId]/reassignments/[jobId]/route';
import { POST as cancelRoute } from '@/app/api/v1/clusters/[clusterId]/reassignments/[jobId]/cancel/route';
import { POST as rollbackRoute } from '@/app/api/v1/clusters/[clusterId]/reassignments/[jobId]/rollback/route';
import { POST as planRoute } from '@/app/api/v1/clusters/[clusterId]/reassignments/plan/route';
import { POST as executeRoute } from '@/app/api/v1/clusters/[clusterId]/reassignments/route';
import {
  planResponseSchema,
  reassignmentJobSchema,
  type ExecuteRequest,
  type PlanRequest,
  type ReassignmentJob,
} from '@/lib/schemas/reassignments';
import { TEST_TOKENS } from './auth';
import { callRoute } from './routes';

const params = { clusterId: 'local' };
const admin = TEST_TOKENS.admin;
export const post = (body?: unknown) => ({
  method: 'POST',
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  headers: { 'content-type': 'application/json' },
});

export async function planMoves(body: PlanRequest) {
  const { status, body: answer } = await callRoute(planRoute, '/api/v1/clusters/local/reassignments/plan', params, {
    token: admin,
    init: post(body),
  });
  expect(status, JSON.stringify(answer)).toBe(200);
  return planResponseSchema.parse(answer);
}

/** Starts a job; the status and body as answered (202 with the job id, or the refusal). */
export const executeMoves = (body: ExecuteRequest) =>
  callRoute(executeRoute, '/api/v1/clusters/local/reassignments', params, { token: admin, init: post(body) });

export async function startJob(body: ExecuteRequest): Promise<string> {
  const { status, body: answer } = await executeMoves(body);
  expect(status, JSON.stringify(answer)).toBe(202);
  return (answer as { jobId: string }).jobId;
}

export async function readJob(jobId: string): Promise<ReassignmentJob> {
  const { status, body } = await callRoute(getJob, `/api/v1/clusters/local/reassignments/${jobId}`, { clusterId: 'local', jobId });
  expect(status).toBe(200);
  return reassignmentJobSchema.parse(body);
}

/** Polls the job until it ends; its last view and every view seen while it ran. */
export async function untilEnded(jobId: string, timeoutMs = 120_000) {
  const seen: ReassignmentJob[] = [];
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    const view = await readJob(jobId);
    seen.push(view);
    if (view.state !== 'running') return { last: view, seen };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`job ${jobId} still running after ${timeoutMs} ms: ${JSON.stringify(seen.at(-1))}`);
}

/** Waits until some partition of the job is moving (a cancel then has something to cancel). */
export async function untilMoving(jobId: string) {
  for (let i = 0; i < 50; i += 1) {
    if ((await readJob(jobId)).partitions.some((p) => p.state === 'moving')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`job ${jobId} never started moving`);
}

export const cancelJob = (jobId: string) =>
  callRoute(
    cancelRoute,
    `/api/v1/clusters/local/reassignments/${jobId}/cancel`,
    { clusterId: 'local', jobId },
    { token: admin, init: post() },
  );
export const rollBackJob = (jobId: string) =>
  callRoute(
    rollbackRoute,
    `/api/v1/clusters/local/reassignments/${jobId}/rollback`,
    { clusterId: 'local', jobId },
    { token: admin, init: post() },
  );
