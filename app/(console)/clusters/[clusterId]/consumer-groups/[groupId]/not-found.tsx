'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { pageRoutes } from '@/lib/routes';
import { EmptyState } from '@/components/ui/states';

// A client component: not-found pages get no params, the router still knows them.
export default function GroupNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <EmptyState title="Consumer group not found">
      <p>No consumer group with this id has members or committed offsets on this cluster.</p>
      <Link href={pageRoutes.consumerGroups(clusterId)} className="text-sky-700 hover:underline dark:text-sky-400">
        All consumer groups
      </Link>
    </EmptyState>
  );
}
