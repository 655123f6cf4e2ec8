import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isApiError } from '@/lib/errors';
import { makeQueryClient } from '@/lib/queries/client';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import { shortJobId } from '@/lib/reassign-job';
import { segmentName } from '@/lib/routes';
import { requireCluster } from '@/server/auth/page-session';
import { getReassignment } from '@/server/reassign/job-view';
import { JobDetail } from '@/components/reassignments/job-detail';

type Props = { params: Promise<{ clusterId: string; jobId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Reassignment ${shortJobId(segmentName((await params).jobId) ?? '')}` };
}

// No loading.tsx covers this segment, so an unknown job answers 404 (a streamed page keeps its 200).
export default async function ReassignmentPage({ params }: Props) {
  const { clusterId, jobId: segment } = await params;
  await requireCluster(clusterId);
  const jobId = segmentName(segment);
  if (jobId === null) notFound();
  const queryClient = makeQueryClient();
  try {
    await queryClient.fetchQuery({ ...reassignmentQueries.detail(clusterId, jobId), queryFn: () => getReassignment(clusterId, jobId) });
  } catch (error) {
    if (isApiError(error) && error.code === 'NOT_FOUND') notFound();
    // Anything else is the client's error state, with a retry.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <JobDetail clusterId={clusterId} jobId={jobId} />
    </HydrationBoundary>
  );
}
