import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { apiRoutes } from '@/lib/routes';
import { electionScheduleResponseSchema, jobListResponseSchema, reassignmentJobSchema } from '@/lib/schemas/reassignments';

export const reassignmentQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'reassignments'] as const,
  /** Newest first; polled live while any job runs (their progress moves), not once all have ended. */
  list: (clusterId: string) =>
    queryOptions({
      queryKey: [...reassignmentQueries.all(clusterId), 'list'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.reassignments(clusterId), jobListResponseSchema, signal),
      refetchInterval: (query) => (query.state.data?.jobs.some((job) => job.state === 'running') ? POLL.LIVE : POLL.SLOW),
    }),
  /** Polled live while the job runs; an ended job does not change any more. */
  detail: (clusterId: string, jobId: string) =>
    queryOptions({
      queryKey: [...reassignmentQueries.all(clusterId), 'detail', jobId] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.reassignment(clusterId, jobId), reassignmentJobSchema, signal),
      refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : POLL.LIVE),
    }),
  /** The cluster's recurring preferred leader election; its last run changes only on the hour scale. */
  electionSchedule: (clusterId: string) =>
    queryOptions({
      queryKey: [...reassignmentQueries.all(clusterId), 'election-schedule'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.leaderElectionSchedule(clusterId), electionScheduleResponseSchema, signal),
      refetchInterval: POLL.SLOW,
    }),
};
