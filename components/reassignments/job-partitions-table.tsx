'use client';

import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { diffKey } from '@/lib/plan-diff';
import { PARTITION_STATE_TONE } from '@/lib/reassign-job';
import type { JobPartition } from '@/lib/schemas/reassignments';
import { ReplicaList } from '@/components/reassignments/replica-list';
import { Badge } from '@/components/ui/badge';
import { VirtualTable } from '@/components/ui/virtual-table';

const column = createColumnHelper<JobPartition>();
const ids = (list: number[] | undefined, change: 'added' | 'removed') => (list ?? []).map((id) => ({ id, preferred: false, change }));

const columns = [
  column.accessor('topic', { header: 'Topic', size: 220, meta: { className: 'font-mono' } }),
  column.accessor('partition', { header: 'Partition', size: 90, meta: { numeric: true } }),
  column.accessor('state', {
    header: 'State',
    size: 100,
    cell: ({ row: { original: p } }) => (
      <Badge tone={PARTITION_STATE_TONE[p.state]} title={p.error ?? p.note}>
        {p.state}
      </Badge>
    ),
  }),
  column.accessor('target', {
    header: 'Target',
    size: 140,
    meta: { title: 'The planned replicas; the first is the preferred leader' },
    cell: ({ row: { original: p } }) => <ReplicaList marks={p.target.map((id, i) => ({ id, preferred: i === 0, change: 'kept' }))} />,
  }),
  column.display({
    id: 'adding',
    header: 'Adding',
    size: 110,
    cell: ({ row: { original: p } }) => <ReplicaList marks={ids(p.adding, 'added')} />,
  }),
  column.display({
    id: 'removing',
    header: 'Removing',
    size: 110,
    cell: ({ row: { original: p } }) => <ReplicaList marks={ids(p.removing, 'removed')} />,
  }),
  column.display({
    id: 'remark',
    header: 'Remark',
    size: 260,
    cell: ({ row: { original: p } }) =>
      p.error ? (
        <span title={p.error} className="text-red-700 dark:text-red-400">
          {p.error}
        </span>
      ) : (
        <span title={p.note} className="text-zinc-600 dark:text-zinc-400">
          {p.note}
        </span>
      ),
  }),
];

/** The job's partitions: where each goes and how far it is (replicas being added or removed right now). */
export function JobPartitionsTable({ partitions }: { partitions: JobPartition[] }) {
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const table = useReactTable({ data: partitions, columns, getCoreRowModel: getCoreRowModel(), getRowId: diffKey, enableSorting: false });
  return (
    <section aria-labelledby="job-partitions" className="space-y-2">
      <h3 id="job-partitions" className="font-medium">
        Partitions
      </h3>
      <VirtualTable
        table={table}
        label="Job partitions"
        maxHeight="60vh"
        rowAttributes={(row) => ({ 'data-partition': row.id, 'data-state': row.original.state })}
      />
    </section>
  );
}
