import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isApiError } from '@/lib/errors';
import { makeQueryClient } from '@/lib/queries/client';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { segmentName } from '@/lib/routes';
import { requireCluster } from '@/server/auth/page-session';
import { getGroupDetail } from '@/server/lag/get-group-detail';
import { GroupDetail } from '@/components/consumer-groups/group-detail';

type Props = { params: Promise<{ clusterId: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: segmentName((await params).groupId) ?? 'Consumer group' };
}

// No loading.tsx covers this segment, so an unknown group answers 404 (a streamed page keeps its 200).
export default async function ConsumerGroupPage({ params }: Props) {
  const { clusterId, groupId: segment } = await params;
  await requireCluster(clusterId);
  const groupId = segmentName(segment);
  if (groupId === null) notFound();
  const queryClient = makeQueryClient();
  try {
    await queryClient.fetchQuery({ ...groupQueries.detail(clusterId, groupId), queryFn: () => getGroupDetail(clusterId, groupId) });
  } catch (error) {
    if (isApiError(error) && error.code === 'NOT_FOUND') notFound();
    // Anything else is the client's error state, with a retry.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <GroupDetail clusterId={clusterId} groupId={groupId} />
    </HydrationBoundary>
  );
}
