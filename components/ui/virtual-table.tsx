'use client';

import { flexRender, type Header, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { cn } from '@/lib/utils';

/** What a column's `meta` may say to this table: right-aligned numbers, extra cell classes, a header tooltip. */
export type VirtualColumnMeta = { numeric?: boolean; className?: string; title?: string };
const metaOf = (meta: unknown) => (meta ?? {}) as VirtualColumnMeta;

type VirtualTableProps<T> = {
  table: Table<T>;
  /** The accessible name of the table. */
  label: string;
  /** Every row has this height (px); cells do not wrap. */
  rowHeight?: number;
  /** The scroll container's maximum height (CSS); shorter lists shrink it. */
  maxHeight?: string;
  rowAttributes?: (row: Row<T>) => Record<`data-${string}`, string | number | undefined>;
  rowClassName?: (row: Row<T>) => string | undefined;
};

/**
 * A table that renders only the rows in view (plus a few), in a fixed-height scroll box with a sticky header.
 * Spacer rows above and below keep the scrollbar true to the full list; columns take their `size` so widths
 * stay put while different rows scroll by.
 */
export function VirtualTable<T>({ table, label, rowHeight = 36, maxHeight = '70vh', rowAttributes, rowClassName }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // The server render (no scroll box yet) and the first client render show the same first rows.
    initialRect: { width: 0, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div
      ref={scrollRef}
      tabIndex={0}
      style={{ maxHeight }}
      className="overflow-auto rounded-lg border border-zinc-200 bg-white focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        style={{ minWidth: table.getTotalSize() }}
        className="w-full table-fixed border-separate border-spacing-0 text-sm"
      >
        <thead className="sticky top-0 z-10 bg-zinc-50 dark:bg-zinc-900">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 ? <SpacerRow height={top} columns={columnCount} /> : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                style={{ height: rowHeight }}
                className={cn('hover:bg-zinc-50 dark:hover:bg-zinc-800/40', rowClassName?.(row))}
                {...rowAttributes?.(row)}
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = metaOf(cell.column.columnDef.meta);
                  return (
                    <td
                      key={cell.id}
                      className={cn(
                        'overflow-hidden text-ellipsis whitespace-nowrap border-b border-zinc-100 px-3 dark:border-zinc-800/60',
                        meta.numeric && 'text-right tabular-nums',
                        meta.className,
                      )}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {bottom > 0 ? <SpacerRow height={bottom} columns={columnCount} /> : null}
        </tbody>
      </table>
    </div>
  );
}

function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" data-spacer="">
      <td colSpan={columns} style={{ height, padding: 0 }} />
    </tr>
  );
}

function HeaderCell<T>({ header }: { header: Header<T, unknown> }) {
  const meta = metaOf(header.column.columnDef.meta);
  const sorted = header.column.getIsSorted();
  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th
      scope="col"
      title={meta.title}
      style={{ width: header.getSize() }}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      className={cn(
        // A sticky header loses collapsed borders; an inset shadow draws the line under it instead.
        'px-3 py-2 align-bottom text-xs font-medium uppercase tracking-wide text-zinc-500 shadow-[inset_0_-1px_0] shadow-zinc-200 dark:text-zinc-400 dark:shadow-zinc-800',
        meta.numeric ? 'text-right' : 'text-left',
      )}
    >
      {header.column.getCanSort() ? (
        <button
          type="button"
          onClick={header.column.getToggleSortingHandler()}
          className={cn(
            'inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100',
            sorted && 'text-zinc-900 dark:text-zinc-100',
          )}
        >
          {content}
          <span aria-hidden="true" className={cn('w-2', !sorted && 'opacity-0')}>
            {sorted === 'desc' ? '↓' : '↑'}
          </span>
        </button>
      ) : (
        content
      )}
    </th>
  );
}
