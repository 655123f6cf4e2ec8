import { leaderElectionInputSchema } from '@/lib/schemas/reassignments';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { electPreferredLeaders } from '@/server/reassign/leader-election';

/** Preferred leader election for topics, brokers (as preferred leaders), partitions, or the whole cluster. */
export const POST = route<{ clusterId: string }>(
  { name: 'leader-election', permission: 'reassign', target: (params) => String(params.clusterId) },
  async ({ params, body }) => ok(await electPreferredLeaders(params.clusterId, leaderElectionInputSchema.parse(body ?? {}))),
);
