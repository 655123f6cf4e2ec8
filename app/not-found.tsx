import Link from 'next/link';
import { pageRoutes } from '@/lib/routes';
import { EmptyState } from '@/components/ui/states';

export default function NotFound() {
  return (
    <EmptyState title="Not found">
      <p>This page or cluster does not exist.</p>
      <Link href={pageRoutes.clusters()} className="text-sky-700 hover:underline dark:text-sky-400">
        All clusters
      </Link>
    </EmptyState>
  );
}
