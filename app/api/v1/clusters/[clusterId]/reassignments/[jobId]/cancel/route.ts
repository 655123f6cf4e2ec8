import * as endpoints from '@/server/api/endpoints/reassignments';
import { route } from '@/server/http/route';
import { cancelReassignment } from '@/server/reassign/job-actions';

/** Moving partitions go back to their original replicas; the job ends as cancelled once they have. */
export const POST = route(endpoints.cancelReassignment, async ({ params }) => cancelReassignment(params.clusterId, params.jobId));
