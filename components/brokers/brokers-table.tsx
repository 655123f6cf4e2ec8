'use client';

import { useQuery } from '@tanstack/react-query';
import { formatCount } from '@/lib/format';
import { brokerQueries } from '@/lib/queries/brokers';
import { QueryError } from '@/components/feedback/query-error';
import { AsOf } from '@/components/feedback/as-of';
import { Badge } from '@/components/ui/badge';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

export function BrokersTable({ clusterId }: { clusterId: string }) {
  const { data, error, isPending, refetch } = useQuery(brokerQueries.list(clusterId));
  if (isPending) return <LoadingRows label="Loading brokers" />;
  if (error && !data) return <QueryError what="brokers" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  if (data.brokers.length === 0) return <EmptyState title="No live brokers">The cluster answered with no brokers.</EmptyState>;

  return (
    <section aria-label="Brokers" className="space-y-2">
      <div className="flex items-baseline justify-between text-sm text-zinc-500 dark:text-zinc-400">
        <p>
          {data.brokers.length} live broker{data.brokers.length === 1 ? '' : 's'}
          {data.controllerId !== null ? ` · controller ${data.controllerId}` : ' · no active controller'}
        </p>
        <AsOf asOf={data.asOf} stale={Boolean(error)} />
      </div>
      <Table>
        <thead>
          <tr>
            <Th>ID</Th>
            <Th>Host</Th>
            <Th>Rack</Th>
            <Th numeric>Leaders</Th>
            <Th numeric>Replicas</Th>
          </tr>
        </thead>
        <tbody>
          {data.brokers.map((broker) => (
            <tr key={broker.id} data-broker-id={broker.id}>
              <Td>
                <span className="font-mono tabular-nums">{broker.id}</span>{' '}
                {broker.id === data.controllerId ? <Badge tone="info" title="Active controller">controller</Badge> : null}
              </Td>
              <Td className="font-mono">
                {broker.host}:{broker.port}
              </Td>
              <Td>{broker.rack ?? <span className="text-zinc-400">none</span>}</Td>
              <Td numeric>{formatCount(broker.leaderCount)}</Td>
              <Td numeric>{formatCount(broker.replicaCount)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
