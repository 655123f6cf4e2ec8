'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { pageRoutes } from '@/lib/routes';
import { cn } from '@/lib/utils';

/** The views of one cluster; a view is listed here once it exists. */
export function ClusterNav({ clusterId }: { clusterId: string }) {
  const pathname = usePathname();
  const links = [
    { href: pageRoutes.cluster(clusterId), label: 'Overview', exact: true },
    { href: pageRoutes.dashboard(clusterId), label: 'Dashboard' },
    { href: pageRoutes.brokers(clusterId), label: 'Brokers' },
    { href: pageRoutes.topics(clusterId), label: 'Topics' },
    { href: pageRoutes.consumerGroups(clusterId), label: 'Consumer groups' },
    { href: pageRoutes.health(clusterId), label: 'Health' },
    { href: pageRoutes.reassignments(clusterId), label: 'Reassignments' },
    { href: pageRoutes.features(clusterId), label: 'Features' },
    { href: pageRoutes.clientMetrics(clusterId), label: 'Client metrics' },
  ];
  return (
    <nav aria-label="Cluster views" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {links.map((link) => {
        const active = pathname === link.href || (!('exact' in link) && pathname.startsWith(`${link.href}/`));
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm',
              active
                ? 'border-sky-600 font-medium text-sky-700 dark:border-sky-400 dark:text-sky-300'
                : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
