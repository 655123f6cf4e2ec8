import { electionScheduleInputSchema } from '@/lib/schemas/reassignments';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { deleteElectionSchedule, getElectionSchedule, setElectionSchedule } from '@/server/reassign/election-schedule';

type Params = { clusterId: string };

/** The cluster's recurring preferred leader election, or null. */
export const GET = route<Params>({ name: 'leader-election.schedule.get', permission: 'read' }, async ({ params }) =>
  ok({ schedule: await getElectionSchedule(params.clusterId) }),
);

/** Sets or replaces it (admin): every `everyMinutes`, for the whole cluster unless topics or brokers narrow it. */
export const PUT = route<Params>(
  { name: 'leader-election.schedule.set', permission: 'reassign', target: (p) => String(p.clusterId) },
  async ({ params, body, principal }) =>
    ok({ schedule: await setElectionSchedule(params.clusterId, electionScheduleInputSchema.parse(body), principal.name) }),
);

export const DELETE = route<Params>(
  { name: 'leader-election.schedule.delete', permission: 'reassign', target: (p) => String(p.clusterId) },
  async ({ params }) => {
    await deleteElectionSchedule(params.clusterId);
    return ok({ schedule: null });
  },
);
