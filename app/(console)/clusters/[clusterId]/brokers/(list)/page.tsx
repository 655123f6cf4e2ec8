import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { brokerQueries } from '@/lib/queries/brokers';
import { makeQueryClient } from '@/lib/queries/client';
import { listBrokers as brokerListEndpoint } from '@/server/api/endpoints/brokers';
import { requireCluster } from '@/server/auth/page-session';
import { noteListView } from '@/server/cluster-state/list-views';
import { listBrokers } from '@/server/brokers/list-brokers';
import { BrokersTable } from '@/components/brokers/brokers-table';
import { BrokersReassignActions } from '@/components/reassignments/reassign-entry-actions';

export const metadata: Metadata = { title: 'Brokers' };

export default async function BrokersPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  // Rendering the list is viewing it, as its API's polls are: its snapshots are kept warm from now on.
  noteListView(clusterId, brokerListEndpoint);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...brokerQueries.list(clusterId), queryFn: () => listBrokers(clusterId) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-3">
        <div className="flex justify-end">
          <BrokersReassignActions clusterId={clusterId} />
        </div>
        <BrokersTable clusterId={clusterId} />
      </div>
    </HydrationBoundary>
  );
}
