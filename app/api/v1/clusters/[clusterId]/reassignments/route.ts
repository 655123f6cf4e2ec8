import * as endpoints from '@/server/api/endpoints/reassignments';
import { route } from '@/server/http/route';
import { listReassignments } from '@/server/reassign/job-view';
import { startReassignment } from '@/server/reassign/start-job';

export const GET = route(endpoints.listReassignments, async ({ params }) => listReassignments(params.clusterId));

/** Checks the plan, sets the throttle and starts the job (202 with its id); the server follows it to the end. */
export const POST = route(endpoints.startReassignment, async ({ params, body, principal }) =>
  startReassignment(params.clusterId, body, principal.name),
);
