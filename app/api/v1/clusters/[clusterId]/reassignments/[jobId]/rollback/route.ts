import * as endpoints from '@/server/api/endpoints/reassignments';
import { route } from '@/server/http/route';
import { rollBackReassignment } from '@/server/reassign/job-actions';

export const POST = route(endpoints.rollBackReassignment, async ({ params, principal }) =>
  rollBackReassignment(params.clusterId, params.jobId, principal.name),
);
