'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatMetric } from '@/lib/format';
import { metricQueries } from '@/lib/queries/metrics';
import { pageRoutes } from '@/lib/routes';
import { QueryError } from '@/components/feedback/query-error';
import { Badge } from '@/components/ui/badge';
import { LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/** `tag`: what kind of thing the key names (a group's type), shown beside it. */
type Row = { key: string; href: string; value: string; extra?: string; tag?: string };

function Ranking({
  title,
  what,
  valueHeading,
  rows,
  empty,
  extraHeading,
}: {
  title: string;
  what: string;
  valueHeading: string;
  rows: Row[];
  empty: ReactNode;
  extraHeading?: string;
}) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-medium">{title}</h3>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-zinc-300 p-4 text-center text-sm text-zinc-500 dark:border-zinc-700">{empty}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{what}</Th>
              <Th numeric>{valueHeading}</Th>
              {extraHeading ? <Th numeric>{extraHeading}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <Td className="max-w-56 truncate font-mono">
                  <Link href={row.href} className="text-sky-700 hover:underline dark:text-sky-400" title={row.key}>
                    {row.key}
                  </Link>
                  {row.tag ? (
                    <>
                      {' '}
                      <Badge>{row.tag}</Badge>
                    </>
                  ) : null}
                </Td>
                <Td numeric>{row.value}</Td>
                {extraHeading ? <Td numeric>{row.extra ?? '–'}</Td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

/** Top 10 topics by throughput and groups by lag and by time lag, averaged over the last minute of samples. */
export function TopLists({ clusterId }: { clusterId: string }) {
  const { data, error, isPending, refetch } = useQuery(metricQueries.top(clusterId));
  if (isPending) return <LoadingRows label="Loading rankings" />;
  if (error && !data) return <QueryError what="the rankings" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const collecting = data.asOf === null ? 'Collecting data — no sampling pass is stored yet.' : null;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Ranking
        title="Topics by messages in / s"
        what="Topic"
        valueHeading="Messages in / s"
        extraHeading="Bytes in / s"
        empty={collecting ?? 'No topic received messages in the last minute.'}
        rows={data.topicsByThroughput.map((t) => ({
          key: t.topic,
          href: pageRoutes.topic(clusterId, t.topic),
          value: formatMetric(t.messagesInPerSec, 'msg/s'),
          ...(t.bytesInPerSec === null ? {} : { extra: formatMetric(t.bytesInPerSec, 'B/s') }),
        }))}
      />
      <Ranking
        title="Groups by lag"
        what="Group"
        valueHeading="Lag"
        empty={collecting ?? 'No group is behind.'}
        rows={data.groupsByLag.map((g) => ({
          key: g.groupId,
          href: pageRoutes.consumerGroup(clusterId, g.groupId),
          value: formatMetric(g.lag, 'msg'),
          ...(g.type ? { tag: g.type } : {}),
        }))}
      />
      <Ranking
        title="Groups by time lag"
        what="Group"
        valueHeading="Time lag"
        empty={collecting ?? 'No group is behind in time.'}
        rows={data.groupsByTimeLag.map((g) => ({
          key: g.groupId,
          href: pageRoutes.consumerGroup(clusterId, g.groupId),
          value: formatMetric(g.timeLagSeconds, 's'),
          ...(g.type ? { tag: g.type } : {}),
        }))}
      />
    </div>
  );
}
