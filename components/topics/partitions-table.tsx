'use client';

import { useQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { partitionEdgeQuery } from '@/lib/message-query';
import { permissionQueries } from '@/lib/queries/permissions';
import { pageRoutes } from '@/lib/routes';
import type { PartitionDetail } from '@/lib/schemas/topics';
import { partitionColumns } from '@/components/topics/partition-columns';
import { EmptyState } from '@/components/ui/states';
import { VirtualTable } from '@/components/ui/virtual-table';

/** Partitions in number order; virtualized, since topics with thousands of partitions exist. */
export function PartitionsTable({
  clusterId,
  topic,
  partitions,
  minInsyncReplicas,
}: {
  clusterId: string;
  topic: string;
  partitions: PartitionDetail[];
  minInsyncReplicas: number | null;
}) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const canBrowse = access?.permissions.includes('browseMessages') ?? false;
  const columns = useMemo(
    () =>
      partitionColumns(
        minInsyncReplicas,
        canBrowse ? (partition, edge) => pageRoutes.topicMessages(clusterId, topic, partitionEdgeQuery(partition, edge)) : undefined,
      ),
    [minInsyncReplicas, canBrowse, clusterId, topic],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const table = useReactTable({
    data: partitions,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (p) => String(p.partition),
    enableSorting: false,
  });
  return (
    <section aria-labelledby="partitions-heading" className="space-y-2">
      <h3 id="partitions-heading" className="font-medium">
        Partitions
      </h3>
      {partitions.length === 0 ? (
        <EmptyState title="No partitions" />
      ) : (
        <>
          <VirtualTable table={table} label="Partitions" rowAttributes={(row) => ({ 'data-partition': row.original.partition })} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Replicas: <b className="font-semibold text-zinc-900 dark:text-zinc-100">bold</b> is the preferred leader (the first replica);{' '}
            <span className="text-red-600 dark:text-red-400">red</span> is offline.
          </p>
        </>
      )}
    </section>
  );
}
