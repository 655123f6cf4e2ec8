'use client';

import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { diffCells, diffKey, sortedDiff } from '@/lib/plan-diff';
import type { PlanDiffRow } from '@/lib/schemas/reassignments';
import { ReplicaLegend, ReplicaList } from '@/components/reassignments/replica-list';
import { Badge } from '@/components/ui/badge';
import { VirtualTable } from '@/components/ui/virtual-table';

type Row = PlanDiffRow & { errors: string[] | undefined };
const column = createColumnHelper<Row>();

const columns = [
  column.accessor('topic', { header: 'Topic', size: 220, meta: { className: 'font-mono' } }),
  column.accessor('partition', { header: 'Partition', size: 90, meta: { numeric: true } }),
  column.display({
    id: 'before',
    header: 'Before',
    size: 150,
    cell: ({ row: { original: r } }) => <ReplicaList marks={diffCells(r).before} />,
  }),
  column.display({
    id: 'after',
    header: 'After',
    size: 150,
    cell: ({ row: { original: r } }) => <ReplicaList marks={diffCells(r).after} />,
  }),
  column.display({
    id: 'notes',
    header: 'Notes',
    size: 260,
    cell: ({ row: { original: r } }) => {
      const cells = diffCells(r);
      return (
        <span className="flex gap-1">
          {r.errors ? (
            <Badge tone="bad" title={r.errors.join('; ')}>
              {r.errors.join('; ')}
            </Badge>
          ) : null}
          {cells.leaderChanged ? (
            <Badge tone="info" title="The preferred leader changes">
              leader {r.after[0]}
            </Badge>
          ) : null}
          {cells.countChanged ? (
            <Badge tone="warn" title="The replica count changes">{`RF ${r.before.length} → ${r.after.length}`}</Badge>
          ) : null}
        </span>
      );
    },
  }),
];

/** Every partition the plan changes, before → after; virtualized (a drain can move thousands). */
export function PlanDiffTable({ diff, errors }: { diff: readonly PlanDiffRow[]; errors?: ReadonlyMap<string, string[]> }) {
  const data = useMemo(() => sortedDiff(diff).map((row) => ({ ...row, errors: errors?.get(diffKey(row)) })), [diff, errors]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: diffKey, enableSorting: false });
  return (
    <div className="space-y-1">
      <VirtualTable table={table} label="Plan" maxHeight="40vh" rowAttributes={(row) => ({ 'data-partition': row.id })} />
      <ReplicaLegend />
    </div>
  );
}
