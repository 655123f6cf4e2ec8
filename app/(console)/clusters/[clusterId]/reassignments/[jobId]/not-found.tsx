'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { pageRoutes } from '@/lib/routes';
import { EmptyState } from '@/components/ui/states';

// A client component: not-found pages get no params, the router still knows them.
export default function ReassignmentNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <EmptyState title="Reassignment not found">
      <p>No reassignment job with this id exists on this cluster.</p>
      <Link href={pageRoutes.reassignments(clusterId)} className="text-sky-700 hover:underline dark:text-sky-400">
        All reassignments
      </Link>
    </EmptyState>
  );
}
