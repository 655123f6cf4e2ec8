'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { pageRoutes } from '@/lib/routes';
import { EmptyState } from '@/components/ui/states';

// A client component: not-found pages get no params, the router still knows them.
export default function TopicNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <EmptyState title="Topic not found">
      <p>This topic does not exist on this cluster (or was just deleted).</p>
      <Link href={pageRoutes.topics(clusterId)} className="text-sky-700 hover:underline dark:text-sky-400">
        All topics
      </Link>
    </EmptyState>
  );
}
