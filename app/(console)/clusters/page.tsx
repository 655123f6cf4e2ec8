import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { makeQueryClient } from '@/lib/queries/client';
import { clusterQueries } from '@/lib/queries/clusters';
import { requirePrincipal } from '@/server/auth/page-session';
import { listClusters } from '@/server/clusters/list-clusters';
import { ClustersTable } from '@/components/clusters/clusters-table';
import { LoadingRows } from '@/components/ui/states';

export const metadata: Metadata = { title: 'Clusters' };

// Reaching every cluster can take seconds when one is down: the heading renders at once, the table streams in.
async function PrefetchedClusters() {
  const principal = await requirePrincipal();
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...clusterQueries.list(), queryFn: () => listClusters(principal) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ClustersTable />
    </HydrationBoundary>
  );
}

export default function ClustersPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Clusters</h1>
      <Suspense fallback={<LoadingRows label="Loading clusters" />}>
        <PrefetchedClusters />
      </Suspense>
    </div>
  );
}
