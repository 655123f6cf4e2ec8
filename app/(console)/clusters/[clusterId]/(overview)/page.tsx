import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { makeQueryClient } from '@/lib/queries/client';
import { overviewQueries } from '@/lib/queries/overview';
import { clusterOverview } from '@/server/api/endpoints/clusters';
import { requireCluster } from '@/server/auth/page-session';
import { noteListView } from '@/server/cluster-state/list-views';
import { getClusterOverview } from '@/server/cluster-state/cluster-overview';
import { ClusterOverview } from '@/components/overview/cluster-overview';

export const metadata: Metadata = { title: 'Overview' };

export default async function ClusterOverviewPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  // Rendering the list is viewing it, as its API's polls are: its snapshots are kept warm from now on.
  noteListView(clusterId, clusterOverview);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...overviewQueries.detail(clusterId), queryFn: () => getClusterOverview(clusterId) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ClusterOverview clusterId={clusterId} healthHref={`/clusters/${encodeURIComponent(clusterId)}/health`} />
    </HydrationBoundary>
  );
}
