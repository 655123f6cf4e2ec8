import * as endpoints from '@/server/api/endpoints/reassignments';
import { route } from '@/server/http/route';
import { planReassignmentFor } from '@/server/reassign/plan-reassignment';

export const POST = route(endpoints.planReassignment, async ({ params, body }) => planReassignmentFor(params.clusterId, body));
