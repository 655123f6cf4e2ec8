import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { makeQueryClient } from '@/lib/queries/client';
import { listApiParams } from '@/lib/queries/list-page';
import { groupListFilters, groupQueries } from '@/lib/queries/consumer-groups';
import { consumerGroupListQuerySchema } from '@/lib/schemas/consumer-groups';
import { listConsumerGroups as groupListEndpoint } from '@/server/api/endpoints/consumer-groups';
import { requireCluster } from '@/server/auth/page-session';
import { noteListView } from '@/server/cluster-state/list-views';
import { listConsumerGroups } from '@/server/lag/list-groups';
import { GroupsTable } from '@/components/consumer-groups/groups-table';

export const metadata: Metadata = { title: 'Consumer groups' };

type Props = { params: Promise<{ clusterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConsumerGroupsPage({ params, searchParams }: Props) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  // Rendering the list is viewing it, as its API's polls are: its snapshots are kept warm from now on.
  noteListView(clusterId, groupListEndpoint);
  // The same filters the table derives from the URL, so the prefetched list is the one it asks for.
  const raw = Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === 'string');
  const filters = groupListFilters(new URLSearchParams(raw));
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    ...groupQueries.list(clusterId, filters),
    queryFn: () => listConsumerGroups(clusterId, consumerGroupListQuerySchema.parse(listApiParams(filters))),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <GroupsTable clusterId={clusterId} />
    </HydrationBoundary>
  );
}
