'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatCount } from '@/lib/format';
import { brokerQueries } from '@/lib/queries/brokers';
import { pageRoutes } from '@/lib/routes';
import { Disk, Skew } from '@/components/brokers/broker-cells';
import { ListStatus } from '@/components/feedback/list-status';
import { QueryError } from '@/components/feedback/query-error';
import { Badge } from '@/components/ui/badge';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

export function BrokersTable({ clusterId }: { clusterId: string }) {
  const { data, error, isPending, refetch } = useQuery(brokerQueries.list(clusterId));
  if (isPending) return <LoadingRows label="Loading brokers" />;
  if (error && !data) return <QueryError what="brokers" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  if (data.brokers.length === 0) return <EmptyState title="No live brokers">The cluster answered with no brokers.</EmptyState>;
  const up = data.brokers.filter((b) => b.status === 'up').length;

  return (
    <section aria-label="Brokers" className="space-y-2">
      <ListStatus asOf={data.asOf} stale={Boolean(error)}>
        {up} of {data.brokers.length} broker{data.brokers.length === 1 ? '' : 's'} up
        {data.controllerId !== null
          ? ` · controller ${data.controllerId}`
          : data.partial
            ? ' · controller unknown'
            : ' · no active controller'}
      </ListStatus>
      <Table>
        <thead>
          <tr>
            <Th>ID</Th>
            <Th>Host</Th>
            <Th>Rack</Th>
            <Th numeric>Leaders</Th>
            <Th numeric>Replicas</Th>
            <Th numeric>Preferred</Th>
            <Th numeric>Replica skew</Th>
            <Th numeric>Leader skew</Th>
            <Th>On disk</Th>
          </tr>
        </thead>
        <tbody>
          {data.brokers.map((broker) => (
            <tr
              key={broker.id}
              data-broker-id={broker.id}
              className={broker.status === 'down' ? 'bg-red-50/60 dark:bg-red-950/30' : undefined}
            >
              <Td>
                <Link
                  href={pageRoutes.broker(clusterId, broker.id)}
                  className="font-mono tabular-nums text-sky-700 hover:underline dark:text-sky-400"
                  aria-label={`Broker ${broker.id}`}
                >
                  {broker.id}
                </Link>{' '}
                {broker.id === data.controllerId ? (
                  <Badge tone="info" title="Active controller">
                    controller
                  </Badge>
                ) : null}
                {broker.status === 'down' ? (
                  <Badge tone="bad" title="Seen before, missing from the cluster now">
                    down
                  </Badge>
                ) : null}
              </Td>
              <Td className="font-mono">
                {broker.host}:{broker.port}
              </Td>
              <Td>{broker.rack ?? <span className="text-zinc-400">none</span>}</Td>
              <Td numeric>{formatCount(broker.leaderCount)}</Td>
              <Td numeric>{formatCount(broker.replicaCount)}</Td>
              <Td numeric title="Partitions whose first replica is this broker">
                {formatCount(broker.preferredLeaderCount)}
              </Td>
              <Td numeric>
                <Skew value={broker.replicaSkewPercent} />
              </Td>
              <Td numeric>
                <Skew value={broker.leaderSkewPercent} />
              </Td>
              <Td title={broker.error}>
                <Disk broker={broker} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
