import { throttleUpdateSchema } from '@/lib/schemas/reassignments';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { changeReassignmentThrottle } from '@/server/reassign/job-actions';
import { getReassignment } from '@/server/reassign/job-view';

type Params = { clusterId: string; jobId: string };

export const GET = route<Params>({ name: 'reassignments.get', permission: 'read' }, async ({ params }) =>
  ok(await getReassignment(params.clusterId, params.jobId)),
);

/** The throttle changed while the job runs (null removes it). */
export const PATCH = route<Params>(
  { name: 'reassignments.throttle', permission: 'reassign', target: (params) => String(params.jobId) },
  async ({ params, body }) =>
    ok(await changeReassignmentThrottle(params.clusterId, params.jobId, throttleUpdateSchema.parse(body).throttleBytesPerSec)),
);
