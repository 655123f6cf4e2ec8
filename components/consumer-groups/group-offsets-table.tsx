'use client';

import { useQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { committedRecordQuery } from '@/lib/message-query';
import { permissionQueries } from '@/lib/queries/permissions';
import { pageRoutes } from '@/lib/routes';
import type { GroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { offsetColumns } from '@/components/consumer-groups/offset-columns';
import { VirtualTable } from '@/components/ui/virtual-table';

/** The rows of kafka-consumer-groups --describe, in its order (members by assignment size, then unassigned commits). */
export function GroupOffsetsTable({ clusterId, rows }: { clusterId: string; rows: GroupOffsetRow[] }) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const canBrowse = access?.permissions.includes('browseMessages') ?? false;
  const columns = useMemo(
    () =>
      offsetColumns(
        canBrowse
          ? (r) =>
              r.currentOffset === null
                ? null
                : pageRoutes.topicMessages(clusterId, r.topic, committedRecordQuery(r.partition, r.currentOffset))
          : undefined,
      ),
    [canBrowse, clusterId],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => `${r.topic}\u0000${r.partition}`,
    enableSorting: false,
  });
  return (
    <VirtualTable
      table={table}
      label="Offsets"
      maxHeight="60vh"
      rowAttributes={(row) => ({ 'data-row': `${row.original.topic}:${row.original.partition}` })}
    />
  );
}
