import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatInt64 } from '@/lib/format';
import { pageRoutes } from '@/lib/routes';
import { GroupHeading } from '@/components/consumer-groups/group-heading';
import { GroupStateBadge } from '@/components/consumer-groups/group-state-badge';
import { AsOf } from '@/components/feedback/as-of';
import { Badge } from '@/components/ui/badge';
import { Td } from '@/components/ui/table';

// The parts share and streams group pages have in common: a header, titled sections, topic and int64 cells.

const unknown = <span className="text-zinc-400">-</span>;

/** Σ of the known lags; null when none is known. */
export function totalLagOf(rows: readonly { lag: string | null }[]) {
  const lags = rows.flatMap((r) => (r.lag === null ? [] : [BigInt(r.lag)]));
  return lags.length ? lags.reduce((a, b) => a + b, 0n) : null;
}

type HeaderProps = {
  clusterId: string;
  data: { groupId: string; state: string; asOf: number; partial?: boolean; error?: string };
  kind: string;
  stale: boolean;
  /** The summary line after the group's kind: assignor, epochs, coordinator, members, lag. */
  children: ReactNode;
};

export function OwnApiGroupHeader({ clusterId, data, kind, stale, children }: HeaderProps) {
  return (
    <header className="space-y-1">
      <GroupHeading clusterId={clusterId} groupId={data.groupId}>
        <GroupStateBadge state={data.state} />
        <Badge tone="neutral">{kind}</Badge>
        {data.partial ? (
          <Badge tone="warn" title={data.error ?? 'Part of the group could not be read'}>
            partial
          </Badge>
        ) : null}
      </GroupHeading>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-zinc-500 dark:text-zinc-400">
        <p>
          {kind} · {children}
        </p>
        <AsOf asOf={data.asOf} stale={stale} />
      </div>
    </header>
  );
}

/** A titled section of a group page, with actions on the title's line. */
export function DetailSection({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="font-medium">
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function TopicCell({ clusterId, topic }: { clusterId: string; topic: string }) {
  return (
    <Td className="font-mono text-xs">
      <Link href={pageRoutes.topic(clusterId, topic)} className="text-sky-700 hover:underline dark:text-sky-400">
        {topic}
      </Link>
    </Td>
  );
}

/** An int64 string, "-" where the tool prints one (null). */
export function Int64Cell({ value, column, title }: { value: string | null; column?: string; title?: string }) {
  return (
    <Td numeric data-column={column} title={title}>
      {value === null ? unknown : formatInt64(value)}
    </Td>
  );
}
