import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { makeQueryClient } from '@/lib/queries/client';
import { healthQueries } from '@/lib/queries/health';
import { clusterHealth } from '@/server/api/endpoints/clusters';
import { requireCluster } from '@/server/auth/page-session';
import { noteListView } from '@/server/cluster-state/list-views';
import { getClusterHealth } from '@/server/cluster-state/cluster-health';
import { AtRiskPartitions } from '@/components/health/at-risk-partitions';

export const metadata: Metadata = { title: 'Health' };

export default async function HealthPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  // Rendering the list is viewing it, as its API's polls are: its snapshots are kept warm from now on.
  noteListView(clusterId, clusterHealth);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...healthQueries.partitions(clusterId), queryFn: () => getClusterHealth(clusterId) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AtRiskPartitions clusterId={clusterId} />
    </HydrationBoundary>
  );
}
