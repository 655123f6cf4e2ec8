import { accepted } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { rollBackReassignment } from '@/server/reassign/job-actions';

/** The job's saved rollback plan, as a new job (202 with its id). */
export const POST = route<{ clusterId: string; jobId: string }>(
  { name: 'reassignments.rollback', permission: 'reassign', target: (params) => String(params.jobId) },
  async ({ params, principal }) => accepted(await rollBackReassignment(params.clusterId, params.jobId, principal.name)),
);
