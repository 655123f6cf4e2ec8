import * as endpoints from '@/server/api/endpoints/reassignments';
import { route } from '@/server/http/route';
import { deleteElectionSchedule, getElectionSchedule, setElectionSchedule } from '@/server/reassign/election-schedule';

export const GET = route(endpoints.getElectionSchedule, async ({ params }) => ({ schedule: await getElectionSchedule(params.clusterId) }));

export const PUT = route(endpoints.setElectionSchedule, async ({ params, body, principal }) => ({
  schedule: await setElectionSchedule(params.clusterId, body, principal.name),
}));

export const DELETE = route(endpoints.deleteElectionSchedule, async ({ params }) => {
  await deleteElectionSchedule(params.clusterId);
  return { schedule: null };
});
