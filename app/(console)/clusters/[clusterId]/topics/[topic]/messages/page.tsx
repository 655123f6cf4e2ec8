import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { segmentName } from '@/lib/routes';
import { can } from '@/lib/schemas/auth';
import { requireCluster } from '@/server/auth/page-session';
import { getConfig } from '@/server/config/current';
import { recordPageDenial } from '@/server/http/audit-request';
import { MessagesBrowser } from '@/components/messages/messages-browser';
import { TopicHeader } from '@/components/topics/topic-header';
import { ErrorState, LoadingRows } from '@/components/ui/states';

type Props = { params: Promise<{ clusterId: string; topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${segmentName((await params).topic) ?? 'Topic'} · messages` };
}

/**
 * A topic's records. Not prefetched here: every read of record contents goes through the API, which masks and
 * audits it. Viewers see no contents anywhere (the API answers them 403 as well).
 */
export default async function TopicMessagesPage({ params }: Props) {
  const { clusterId, topic: segment } = await params;
  const { principal } = await requireCluster(clusterId);
  const topic = segmentName(segment);
  if (topic === null) notFound();
  if (!can(principal.role, 'browseMessages', { operatorsMayProduce: getConfig().auth.operatorsMayProduce })) {
    await recordPageDenial(principal, 'messages.read', `/clusters/${clusterId}/topics/${segment}/messages`);
    return <ErrorState title="Not allowed" message="Record contents are for operators and admins." />;
  }
  return (
    <article aria-labelledby="topic-name" className="space-y-4">
      <TopicHeader clusterId={clusterId} topic={topic} tab="messages" />
      <Suspense fallback={<LoadingRows label="Loading messages" />}>
        <MessagesBrowser clusterId={clusterId} topic={topic} />
      </Suspense>
    </article>
  );
}
