'use client';

import {
  createColumnHelper,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo } from 'react';
import { pageRoutes } from '@/lib/routes';
import type { ClusterHealthResponse } from '@/lib/schemas/health-partitions';
import { RISK_REASONS, ReasonBadge } from '@/components/health/risk-reason';
import { sortingFromParam, sortingToParam } from '@/components/ui/use-url-params';
import { VirtualTable } from '@/components/ui/virtual-table';

type AtRisk = ClusterHealthResponse['partitions'][number];

/** Only partitions under min ISR have the question; "unknown" where the cluster does not track eligible leaders. */
function CleanLeader({ value }: { value: AtRisk['cleanLeader'] }) {
  if (value === undefined) return null;
  if (value === null)
    return (
      <span className="text-zinc-500" title="This cluster does not report eligible leader replicas (KRaft with Kafka 3.8+ does)">
        unknown
      </span>
    );
  if (value.candidates.length === 0)
    return (
      <span
        className="font-medium text-red-700 dark:text-red-400"
        title={`No replica in the ISR or the ELR: only an unclean election (losing records) can elect a leader. Last known ELR: ${value.lastKnownElr.join(', ') || 'none'}`}
      >
        none: unclean only
      </span>
    );
  const elr = value.eligibleLeaderReplicas;
  return (
    <span title="Replicas in the ISR or the eligible leader replicas: a clean election can choose them">
      {value.candidates.join(', ')}
      {elr.length ? <span className="text-zinc-500"> (ELR {elr.join(', ')})</span> : null}
    </span>
  );
}

const column = createColumnHelper<AtRisk>();
const SORTABLE = ['reasons', 'topic', 'partition'];
const WORST_FIRST: SortingState = [{ id: 'reasons', desc: false }];

function columns(clusterId: string) {
  return [
    column.accessor('topic', {
      header: 'Topic',
      size: 320,
      sortingFn: 'text',
      sortDescFirst: false,
      meta: { className: 'font-mono text-xs' },
      cell: (c) => (
        <Link
          href={pageRoutes.topic(clusterId, c.getValue())}
          title={c.getValue()}
          className="text-sky-700 hover:underline dark:text-sky-400"
        >
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('partition', {
      header: 'Partition',
      size: 100,
      sortDescFirst: false,
      meta: { numeric: true },
      cell: (c) => c.getValue(),
    }),
    column.accessor((p) => RISK_REASONS.indexOf(p.reasons[0] ?? 'non-preferred-leader'), {
      id: 'reasons',
      header: 'Reasons',
      size: 360,
      sortDescFirst: false,
      meta: { title: 'Worst first; sorting by reason sorts by the worst one' },
      cell: ({ row: { original: p } }) => (
        <span className="flex gap-1">
          {p.reasons.map((r) => (
            <ReasonBadge key={r} reason={r} />
          ))}
        </span>
      ),
    }),
    column.accessor('cleanLeader', {
      header: 'Clean leader',
      size: 200,
      enableSorting: false,
      meta: { title: 'Partitions under min ISR: the replicas a clean election could still choose (ISR and eligible leader replicas)' },
      cell: (c) => <CleanLeader value={c.getValue()} />,
    }),
  ];
}

type Props = { clusterId: string; rows: AtRisk[]; sort: string | null; onSort: (sort: string | null) => void };

/** Sorted in the browser: the list is the cluster's problems, already complete; ties keep topic, partition order. */
export function AtRiskTable({ clusterId, rows, sort, onSort }: Props) {
  const cols = useMemo(() => columns(clusterId), [clusterId]);
  const sorting = sortingFromParam(sort, SORTABLE, WORST_FIRST);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const table = useReactTable({
    data: rows,
    columns: cols,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => `${p.topic}\u0000${p.partition}`,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSort(sortingToParam(typeof updater === 'function' ? updater(sorting) : updater, WORST_FIRST)),
  });
  return (
    <VirtualTable
      table={table}
      label="At-risk partitions"
      rowAttributes={(row) => ({ 'data-topic': row.original.topic, 'data-partition': row.original.partition })}
    />
  );
}
