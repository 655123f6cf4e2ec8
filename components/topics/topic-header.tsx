'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { permissionQueries } from '@/lib/queries/permissions';
import { pageRoutes } from '@/lib/routes';
import { cn } from '@/lib/utils';
import { DetailHeader } from '@/components/ui/detail-header';

type Tab = 'overview' | 'messages';

/**
 * A topic's heading: the way back to the topics, its name, the tabs (Messages for those who may read record
 * contents), and what the page adds beside the name and under it.
 */
export function TopicHeader({
  clusterId,
  topic,
  tab,
  badges,
  actions,
  children,
}: {
  clusterId: string;
  topic: string;
  tab: Tab;
  badges?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const tabs: { id: Tab; label: string; href: string }[] = [
    { id: 'overview', label: 'Overview', href: pageRoutes.topic(clusterId, topic) },
    ...(access?.permissions.includes('browseMessages')
      ? [{ id: 'messages' as const, label: 'Messages', href: pageRoutes.topicMessages(clusterId, topic) }]
      : []),
  ];
  return (
    <DetailHeader
      back={{ href: pageRoutes.topics(clusterId), label: 'Topics' }}
      titleId="topic-name"
      title={topic}
      titleClassName="break-all font-mono"
      badges={badges}
      actions={actions}
    >
      {children}
      {tabs.length > 1 ? (
        <nav aria-label="Topic views" className="flex gap-1 pt-2 border-b border-zinc-200 dark:border-zinc-800">
          {tabs.map((t) => (
            <Link
              key={t.id}
              href={t.href}
              aria-current={t.id === tab ? 'page' : undefined}
              className={cn(
                '-mb-px border-b-2 px-3 py-1.5 text-sm',
                t.id === tab
                  ? 'border-sky-700 font-medium text-sky-800 dark:border-sky-400 dark:text-sky-300'
                  : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
              )}
            >
              {t.label}
            </Link>
          ))}
        </nav>
      ) : null}
    </DetailHeader>
  );
}
