import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { makeQueryClient } from '@/lib/queries/client';
import { clientMetricsQueries } from '@/lib/queries/client-metrics';
import { requireCluster } from '@/server/auth/page-session';
import { listClientMetrics } from '@/server/client-metrics/read-subscriptions';
import { ClientMetricsTable } from '@/components/client-metrics/client-metrics-table';

export const metadata: Metadata = { title: 'Client metrics' };

export default async function ClientMetricsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...clientMetricsQueries.list(clusterId), queryFn: () => listClientMetrics(clusterId) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ClientMetricsTable clusterId={clusterId} />
    </HydrationBoundary>
  );
}
