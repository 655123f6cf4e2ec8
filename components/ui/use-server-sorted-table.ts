'use client';

import { getCoreRowModel, useReactTable, type SortingState, type TableOptions, type Updater } from '@tanstack/react-table';
import { sortingFromParam } from '@/components/ui/use-url-params';

type Options<T> = {
  data: T[];
  columns: TableOptions<T>['columns'];
  getRowId: (row: T) => string;
  /** The URL's sort parameter ("-lag"), the fields the server sorts by, and the order without one. */
  sort: string | undefined;
  sortFields: readonly string[];
  fallback: SortingState;
  onSort: (sorting: SortingState) => void;
};

/**
 * A TanStack table over rows the server already sorted (the sort is the URL's, applied by the list API): the
 * headers only ask for another order, one column at a time, never none.
 */
export function useServerSortedTable<T>({ data, columns, getRowId, sort, sortFields, fallback, onSort }: Options<T>) {
  const sorting = sortingFromParam(sort, sortFields, fallback);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  return useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => onSort(typeof updater === 'function' ? updater(sorting) : updater),
  });
}
