import { executeRequestSchema } from '@/lib/schemas/reassignments';
import { accepted, ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { listReassignments } from '@/server/reassign/job-view';
import { startReassignment } from '@/server/reassign/start-job';

export const GET = route<{ clusterId: string }>({ name: 'reassignments.list', permission: 'read' }, async ({ params }) =>
  ok(await listReassignments(params.clusterId)),
);

/** Checks the plan, sets the throttle and starts the job (202 with its id); the server follows it to the end. */
export const POST = route<{ clusterId: string }>(
  { name: 'reassignments.execute', permission: 'reassign', target: (params) => String(params.clusterId) },
  async ({ params, body, principal }) =>
    accepted(await startReassignment(params.clusterId, executeRequestSchema.parse(body), principal.name)),
);
