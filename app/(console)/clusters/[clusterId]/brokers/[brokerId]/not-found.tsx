'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { pageRoutes } from '@/lib/routes';
import { EmptyState } from '@/components/ui/states';

// A client component: not-found pages get no params, the router still knows them.
export default function BrokerNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <EmptyState title="Broker not found">
      <p>No broker with this id is part of this cluster, now or before.</p>
      <Link href={pageRoutes.brokers(clusterId)} className="text-sky-700 hover:underline dark:text-sky-400">
        All brokers
      </Link>
    </EmptyState>
  );
}
