import * as endpoints from '@/server/api/endpoints/reassignments';
import { route } from '@/server/http/route';
import { changeReassignmentThrottle } from '@/server/reassign/job-actions';
import { getReassignment } from '@/server/reassign/job-view';

export const GET = route(endpoints.getReassignment, async ({ params }) => getReassignment(params.clusterId, params.jobId));

export const PATCH = route(endpoints.changeThrottle, async ({ params, body }) =>
  changeReassignmentThrottle(params.clusterId, params.jobId, body.throttleBytesPerSec),
);
