import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isApiError } from '@/lib/errors';
import { makeQueryClient } from '@/lib/queries/client';
import { segmentName } from '@/lib/routes';
import { topicQueries } from '@/lib/queries/topics';
import { requireCluster } from '@/server/auth/page-session';
import { getTopic, getTopicConfigs } from '@/server/topics/get-topic';
import { TopicDetail } from '@/components/topics/topic-detail';

type Props = { params: Promise<{ clusterId: string; topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: segmentName((await params).topic) ?? 'Topic' };
}

// No loading.tsx covers this segment: a page that has started streaming can no longer change its status, and an
// unknown topic must answer 404.
export default async function TopicPage({ params }: Props) {
  const { clusterId, topic: segment } = await params;
  await requireCluster(clusterId);
  const topic = segmentName(segment);
  if (topic === null) notFound();
  const queryClient = makeQueryClient();
  try {
    // Configs in parallel; if they fail, their section shows its own error state and retries.
    const configs = queryClient.prefetchQuery({
      ...topicQueries.configs(clusterId, topic),
      queryFn: () => getTopicConfigs(clusterId, topic),
    });
    await queryClient.fetchQuery({
      ...topicQueries.detail(clusterId, topic),
      queryFn: () => getTopic(clusterId, topic, { configs: false }),
    });
    await configs;
  } catch (error) {
    if (isApiError(error) && error.code === 'NOT_FOUND') notFound();
    // Anything else (Kafka unavailable, …) is the client's error state, with a retry.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TopicDetail clusterId={clusterId} topic={topic} />
    </HydrationBoundary>
  );
}
