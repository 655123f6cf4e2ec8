import { planRequestSchema } from '@/lib/schemas/reassignments';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { planReassignmentFor } from '@/server/reassign/plan-reassignment';

/** A plan for a mode (drain, scale-out, replace, rebalance, replication factor): changes nothing. */
export const POST = route<{ clusterId: string }>(
  { name: 'reassignments.plan', permission: 'reassign', target: (params) => String(params.clusterId) },
  async ({ params, body }) => ok(await planReassignmentFor(params.clusterId, planRequestSchema.parse(body))),
);
