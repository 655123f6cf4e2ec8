import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { makeQueryClient } from '@/lib/queries/client';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import { requireCluster } from '@/server/auth/page-session';
import { listReassignments } from '@/server/reassign/job-view';
import { ElectionSchedulePanel } from '@/components/reassignments/election-schedule-panel';
import { JobsTable } from '@/components/reassignments/jobs-table';

export const metadata: Metadata = { title: 'Reassignments' };

export default async function ReassignmentsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...reassignmentQueries.list(clusterId), queryFn: () => listReassignments(clusterId) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <JobsTable clusterId={clusterId} />
        <ElectionSchedulePanel clusterId={clusterId} />
      </div>
    </HydrationBoundary>
  );
}
