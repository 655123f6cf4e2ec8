import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { formatInt64 } from '@/lib/format';
import type { GroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { Duration, LagStatusBadge } from '@/components/consumer-groups/lag-status-badge';
import type { VirtualColumnMeta } from '@/components/ui/virtual-table';

const column = createColumnHelper<GroupOffsetRow>();
const numeric = (title: string): VirtualColumnMeta => ({ numeric: true, title });

/** "-" where kafka-consumer-groups prints "-": no commit, no member, or an end offset that could not be read. */
function Dash({ title }: { title?: string }) {
  return (
    <span className="text-zinc-400" title={title}>
      -
    </span>
  );
}

const offset = (value: string | null, title?: string) => (value === null ? <Dash title={title} /> : formatInt64(value));

const rate = (value: number | null | undefined) => (value === null || value === undefined ? 'unknown' : `${value.toFixed(1)} records/s`);

const METHOD = {
  interpolated: 'Interpolated on the high watermarks the console sampled',
  record: 'The age of the record at CURRENT-OFFSET (its timestamp), read from Kafka',
} as const;

/** Where the record at a committed offset is shown; absent for those who may not read record contents. */
export type RecordHref = (row: GroupOffsetRow) => string | null;

/**
 * The columns of kafka-consumer-groups --describe, in its order and with its headers; then the sampler's; then, for
 * those who may read records, a link to the record the group is at.
 */
export const offsetColumns = (recordHref?: RecordHref) => [
  column.accessor('topic', {
    header: 'TOPIC',
    size: 220,
    meta: { className: 'font-mono text-xs' },
    cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
  }),
  column.accessor('partition', { header: 'PARTITION', size: 90, meta: numeric('Partition') }),
  column.accessor('currentOffset', {
    header: 'CURRENT-OFFSET',
    size: 130,
    meta: numeric('The committed offset; - = none'),
    cell: (c) => offset(c.getValue(), 'No committed offset'),
  }),
  column.accessor('logEndOffset', {
    header: 'LOG-END-OFFSET',
    size: 130,
    meta: numeric('The high watermark (ListOffsets latest, read_uncommitted)'),
    cell: ({ row: { original: r } }) => offset(r.logEndOffset, r.error ?? 'Unknown'),
  }),
  column.accessor('lag', {
    header: 'LAG',
    size: 110,
    meta: numeric('LOG-END-OFFSET − CURRENT-OFFSET, not clamped: negative after truncation or an offset set ahead'),
    cell: ({ row: { original: r } }) => {
      if (r.lag === null) return <Dash title={r.error} />;
      const lag = BigInt(r.lag);
      return (
        <span className={lag > 0n ? 'font-medium' : lag < 0n ? 'text-amber-700 dark:text-amber-400' : 'text-zinc-500'}>
          {formatInt64(lag)}
        </span>
      );
    },
  }),
  column.accessor('consumerId', {
    header: 'CONSUMER-ID',
    size: 260,
    meta: { className: 'font-mono text-xs' },
    cell: (c) => c.getValue() ?? <Dash title="No member owns this partition" />,
  }),
  column.accessor('host', { header: 'HOST', size: 130, meta: { className: 'font-mono text-xs' }, cell: (c) => c.getValue() ?? <Dash /> }),
  column.accessor('clientId', {
    header: 'CLIENT-ID',
    size: 180,
    meta: { className: 'font-mono text-xs' },
    cell: (c) => c.getValue() ?? <Dash />,
  }),
  column.accessor('timeLagMs', {
    header: 'TIME-LAG',
    size: 100,
    meta: numeric('How far behind: now − when the high watermark reached CURRENT-OFFSET (interpolated on the console’s samples)'),
    cell: ({ row: { original: r } }) => (
      <Duration
        ms={r.timeLagMs}
        title={r.timeLagMethod ? METHOD[r.timeLagMethod] : undefined}
        unknown="Unknown: no committed offset, not sampled, or the record at the committed offset could not be read yet"
      />
    ),
  }),
  column.accessor('etaMs', {
    header: 'ETA',
    size: 100,
    meta: numeric('Catch-up estimate: LAG ÷ (consume rate − produce rate) over the sampler’s window'),
    cell: ({ row: { original: r } }) => (
      <span title={`consumed ${rate(r.consumeRate)}, produced ${rate(r.produceRate)}`}>
        <Duration ms={r.etaMs} unknown="Not catching up (consuming no faster than records arrive), or not sampled yet" />
      </span>
    ),
  }),
  column.accessor('status', {
    header: 'STATUS',
    size: 110,
    meta: { title: 'Burrow-style status of the partition over the console’s samples' },
    cell: (c) => {
      const status = c.getValue();
      return status ? (
        <LagStatusBadge status={status} sampling={null} />
      ) : (
        <Dash title="Not evaluated: the window is still filling, no committed offset, or the cluster is not sampled" />
      );
    },
  }),
  ...(recordHref
    ? [
        column.display({
          id: 'record',
          header: 'RECORD',
          size: 90,
          meta: { title: 'The record at CURRENT-OFFSET (the next one the group reads) and the ones after it' },
          cell: ({ row: { original: r } }) => {
            const href = recordHref(r);
            return href ? (
              <Link
                href={href}
                className="text-sky-700 hover:underline dark:text-sky-400"
                aria-label={`Record at offset ${r.currentOffset} of ${r.topic} partition ${r.partition}`}
              >
                view
              </Link>
            ) : (
              <Dash title="No committed offset" />
            );
          },
        }),
      ]
    : []),
];
