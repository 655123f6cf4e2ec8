'use client';

import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { GroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { offsetColumns } from '@/components/consumer-groups/offset-columns';
import { VirtualTable } from '@/components/ui/virtual-table';

/** The rows of kafka-consumer-groups --describe, in its order (members by assignment size, then unassigned commits). */
export function GroupOffsetsTable({ rows }: { rows: GroupOffsetRow[] }) {
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const table = useReactTable({ data: rows, columns: offsetColumns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => `${r.topic}\u0000${r.partition}`, enableSorting: false });
  return <VirtualTable table={table} label="Offsets" maxHeight="60vh" rowAttributes={(row) => ({ 'data-row': `${row.original.topic}:${row.original.partition}` })} />;
}
