import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { makeQueryClient } from '@/lib/queries/client';
import { listApiParams } from '@/lib/queries/list-page';
import { topicListFilters, topicQueries } from '@/lib/queries/topics';
import { topicListQuerySchema } from '@/lib/schemas/topics';
import { listTopics as topicListEndpoint } from '@/server/api/endpoints/topics';
import { requireCluster } from '@/server/auth/page-session';
import { noteListView } from '@/server/cluster-state/list-views';
import { listTopics } from '@/server/topics/list-topics';
import { TopicsTable } from '@/components/topics/topics-table';

export const metadata: Metadata = { title: 'Topics' };

type Props = { params: Promise<{ clusterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TopicsPage({ params, searchParams }: Props) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  // Rendering the list is viewing it, as its API's polls are: its snapshots are kept warm from now on.
  noteListView(clusterId, topicListEndpoint);
  // The same filters the table derives from the URL, so the prefetched list is the one it asks for.
  const raw = Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === 'string');
  const filters = topicListFilters(new URLSearchParams(raw));
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    ...topicQueries.list(clusterId, filters),
    queryFn: () => listTopics(clusterId, topicListQuerySchema.parse(listApiParams(filters))),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TopicsTable clusterId={clusterId} />
    </HydrationBoundary>
  );
}
