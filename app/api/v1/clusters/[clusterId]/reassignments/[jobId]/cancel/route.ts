import { accepted } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { cancelReassignment } from '@/server/reassign/job-actions';

/** Moving partitions go back to their original replicas; the job ends as cancelled once they have. */
export const POST = route<{ clusterId: string; jobId: string }>(
  { name: 'reassignments.cancel', permission: 'reassign', target: (params) => String(params.jobId) },
  async ({ params }) => accepted(await cancelReassignment(params.clusterId, params.jobId)),
);
