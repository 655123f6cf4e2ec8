import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { makeQueryClient } from '@/lib/queries/client';
import { featureQueries } from '@/lib/queries/features';
import { requireCluster } from '@/server/auth/page-session';
import { readClusterFeatures } from '@/server/features/read-features';
import { ClusterFeatures } from '@/components/features/cluster-features';

export const metadata: Metadata = { title: 'Features' };

export default async function FeaturesPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...featureQueries.list(clusterId), queryFn: () => readClusterFeatures(clusterId) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ClusterFeatures clusterId={clusterId} />
    </HydrationBoundary>
  );
}
