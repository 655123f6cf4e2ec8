import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { makeQueryClient } from '@/lib/queries/client';
import { clusterQueries } from '@/lib/queries/clusters';
import { listClusters } from '@/server/clusters/list-clusters';
import { ClustersTable } from '@/components/clusters/clusters-table';

export const metadata: Metadata = { title: 'Clusters' };

export default async function ClustersPage() {
  await connection();
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...clusterQueries.list(), queryFn: listClusters });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Clusters</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ClustersTable />
      </HydrationBoundary>
    </div>
  );
}
