import Link from 'next/link';
import type { ReactNode } from 'react';
import { pageRoutes } from '@/lib/routes';

/** "orders:0,1,2 · payments:3": a member's partitions by topic, both sorted. */
export function assignmentText(assignments: readonly { topic: string; partition: number }[]) {
  const byTopic = new Map<string, number[]>();
  for (const a of assignments) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a.partition]);
  return [...byTopic]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([topic, partitions]) => `${topic}:${partitions.sort((x, y) => x - y).join(',')}`)
    .join(' · ');
}

/** A group page's breadcrumb and name, with its badges (`children`). */
export function GroupHeading({ clusterId, groupId, children }: { clusterId: string; groupId: string; children?: ReactNode }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href={pageRoutes.consumerGroups(clusterId)} className="hover:underline">
          Consumer groups
        </Link>{' '}
        /
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="group-name" className="break-all font-mono text-lg font-semibold">
          {groupId}
        </h2>
        {children}
      </div>
    </>
  );
}
