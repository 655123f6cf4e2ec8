'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { clusterQueries } from '@/lib/queries/clusters';
import { pageRoutes } from '@/lib/routes';
import type { ClusterStatus } from '@/lib/schemas/clusters';
import { QueryError } from '@/components/feedback/query-error';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

const STATUS_TONE: Record<ClusterStatus, BadgeTone> = { ok: 'good', degraded: 'warn', unreachable: 'bad' };

export function ClustersTable() {
  const { data, error, isPending, refetch } = useQuery(clusterQueries.list());
  if (isPending) return <LoadingRows label="Loading clusters" />;
  if (error && !data) return <QueryError what="clusters" error={error} onRetry={() => void refetch()} />;
  if (!data || data.clusters.length === 0) {
    return <EmptyState title="No clusters configured">Add clusters to the file named by CONSOLE_CONFIG.</EmptyState>;
  }
  return (
    <Table>
      <thead>
        <tr>
          <Th>Cluster</Th>
          <Th>Status</Th>
          <Th numeric>Brokers</Th>
          <Th numeric>Controller</Th>
          <Th>Access</Th>
        </tr>
      </thead>
      <tbody>
        {data.clusters.map((cluster) => (
          <tr key={cluster.id} data-cluster-id={cluster.id}>
            <Td>
              <Link href={pageRoutes.cluster(cluster.id)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                {cluster.name}
              </Link>
              <span className="ml-2 font-mono text-xs text-zinc-500">{cluster.id}</span>
            </Td>
            <Td>
              <Badge tone={STATUS_TONE[cluster.status]}>{cluster.status}</Badge>
            </Td>
            <Td numeric>{cluster.brokerCount ?? '–'}</Td>
            <Td numeric>{cluster.controllerId ?? '–'}</Td>
            <Td>{cluster.readOnly ? <Badge>read-only</Badge> : <span className="text-zinc-500">read-write</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
