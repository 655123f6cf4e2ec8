import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isApiError } from '@/lib/errors';
import { brokerQueries } from '@/lib/queries/brokers';
import { makeQueryClient } from '@/lib/queries/client';
import { brokerIdFromSegment } from '@/lib/schemas/brokers';
import { requireCluster } from '@/server/auth/page-session';
import { getBroker, getBrokerConfigs } from '@/server/brokers/get-broker';
import { BrokerDetail } from '@/components/brokers/broker-detail';

type Props = { params: Promise<{ clusterId: string; brokerId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Broker ${(await params).brokerId}` };
}

// No loading.tsx covers this segment, so an unknown broker answers 404 (a streamed page keeps its 200).
export default async function BrokerPage({ params }: Props) {
  const { clusterId, brokerId: segment } = await params;
  await requireCluster(clusterId);
  const brokerId = brokerIdFromSegment(segment);
  if (brokerId === null) notFound();
  const queryClient = makeQueryClient();
  try {
    const configs = queryClient.prefetchQuery({
      ...brokerQueries.configs(clusterId, brokerId),
      queryFn: () => getBrokerConfigs(clusterId, segment),
    });
    await queryClient.fetchQuery({
      ...brokerQueries.detail(clusterId, brokerId),
      queryFn: () => getBroker(clusterId, brokerId, { configs: false }),
    });
    await configs;
  } catch (error) {
    if (isApiError(error) && error.code === 'NOT_FOUND') notFound();
    // Anything else is the client's error state, with a retry.
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <BrokerDetail clusterId={clusterId} brokerId={brokerId} />
    </HydrationBoundary>
  );
}
