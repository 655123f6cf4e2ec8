'use client';

import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { formatDateTime, formatInt64 } from '@/lib/format';
import { preview } from '@/lib/message-decoders';
import type { Message } from '@/lib/schemas/messages';
import { MessageBadges } from '@/components/messages/message-badges';
import { VirtualTable } from '@/components/ui/virtual-table';

const column = createColumnHelper<Message>();
const quiet = 'text-zinc-400';

function Part({ text, encoding }: { text: string | null; encoding: 'utf8' | 'base64' | null }) {
  if (text === null) return <span className={quiet}>null</span>;
  return <span title={encoding === 'utf8' ? text.slice(0, 2_000) : undefined}>{preview({ text, encoding })}</span>;
}

const columns = (onOpen: (m: Message) => void) => [
  column.accessor('partition', { header: 'Partition', size: 80, meta: { numeric: true } }),
  column.accessor('offset', {
    header: 'Offset',
    size: 120,
    meta: { numeric: true },
    cell: ({ row: { original: m } }) => (
      <button
        type="button"
        onClick={() => onOpen(m)}
        className="text-sky-700 hover:underline dark:text-sky-400"
        aria-label={`Open record ${m.partition}:${m.offset}`}
      >
        {formatInt64(m.offset)}
      </button>
    ),
  }),
  column.accessor('timestamp', {
    header: 'Timestamp',
    size: 180,
    cell: ({ row: { original: m } }) =>
      m.timestamp === null ? (
        <span className={quiet}>none</span>
      ) : (
        <span title={`${m.timestampType}: ${m.timestamp}`}>{formatDateTime(m.timestamp)}</span>
      ),
  }),
  column.accessor('key', {
    header: 'Key',
    size: 180,
    meta: { className: 'font-mono text-xs' },
    cell: ({ row: { original: m } }) => <Part text={m.key} encoding={m.keyEncoding} />,
  }),
  column.accessor('value', {
    header: 'Value',
    size: 440,
    meta: { className: 'font-mono text-xs' },
    cell: ({ row: { original: m } }) => <Part text={m.value} encoding={m.valueEncoding} />,
  }),
  column.display({
    id: 'size',
    header: 'Size',
    size: 80,
    meta: { numeric: true, title: 'Key + value bytes as stored' },
    cell: ({ row: { original: m } }) => (m.keySize ?? 0) + (m.valueSize ?? 0),
  }),
  column.display({ id: 'info', header: 'Info', size: 200, cell: ({ row: { original: m } }) => <MessageBadges message={m} /> }),
];

/** Records in the order read; the offset opens one. Virtualized: a page or a stream holds up to a few thousand. */
export function MessagesTable({ messages, onOpen }: { messages: Message[]; onOpen: (m: Message) => void }) {
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the instance is TanStack's stable handle.
  const table = useReactTable({
    data: messages,
    columns: columns(onOpen),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (m) => `${m.partition}:${m.offset}`,
    enableSorting: false,
  });
  return (
    <VirtualTable
      table={table}
      label="Messages"
      maxHeight="65vh"
      rowAttributes={(row) => ({ 'data-record': `${row.original.partition}:${row.original.offset}` })}
    />
  );
}
