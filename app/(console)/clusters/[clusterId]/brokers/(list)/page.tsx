import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { brokerQueries } from '@/lib/queries/brokers';
import { makeQueryClient } from '@/lib/queries/client';
import { requireCluster } from '@/server/auth/page-session';
import { listBrokers } from '@/server/brokers/list-brokers';
import { BrokersTable } from '@/components/brokers/brokers-table';

export const metadata: Metadata = { title: 'Brokers' };

export default async function BrokersPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...brokerQueries.list(clusterId), queryFn: () => listBrokers(clusterId) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <BrokersTable clusterId={clusterId} />
    </HydrationBoundary>
  );
}
