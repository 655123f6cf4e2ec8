import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { formatBytes, formatCount, formatInt64, formatPercent } from '@/lib/format';
import { pageRoutes } from '@/lib/routes';
import type { TopicSortField, TopicSummary } from '@/lib/schemas/topics';
import { CountCell } from '@/components/topics/count-cell';
import { Badge } from '@/components/ui/badge';
import type { VirtualColumnMeta } from '@/components/ui/virtual-table';

const column = createColumnHelper<TopicSummary>();
const numeric = (title: string): VirtualColumnMeta => ({ numeric: true, title });
const percent = (field: TopicSortField & keyof TopicSummary, header: string, size: number, title: string) =>
  column.accessor(field, {
    id: field,
    header,
    size,
    sortDescFirst: true,
    meta: numeric(title),
    cell: (c) => formatPercent(c.getValue() as number),
  });

/** Column ids are the API's sort fields: the server sorts, the table only shows which way. */
export function topicColumns(clusterId: string) {
  return [
    column.accessor('name', {
      header: 'Name',
      size: 270,
      sortDescFirst: false,
      meta: { className: 'font-mono text-xs' },
      cell: ({ row: { original: t } }) => (
        <span className="flex min-w-0 items-center gap-1.5">
          <Link
            href={pageRoutes.topic(clusterId, t.name)}
            title={t.name}
            className="truncate text-sky-700 hover:underline dark:text-sky-400"
          >
            {t.name}
          </Link>
          {t.internal ? <Badge title="Kafka's own topic">internal</Badge> : null}
          {t.error ? (
            <Badge tone="warn" title={t.error}>
              partial
            </Badge>
          ) : null}
        </span>
      ),
    }),
    column.accessor('partitionCount', {
      header: 'Partitions',
      size: 120,
      sortDescFirst: true,
      meta: numeric('Partitions'),
      cell: (c) => formatCount(c.getValue()),
    }),
    column.accessor('replicationFactor', {
      header: 'RF',
      size: 60,
      sortDescFirst: true,
      meta: numeric('Replication factor'),
      cell: (c) => c.getValue(),
    }),
    column.accessor('underReplicatedPartitions', {
      header: 'URP',
      size: 68,
      sortDescFirst: true,
      meta: numeric('Under-replicated partitions: some replica is out of sync'),
      cell: (c) => <CountCell value={c.getValue()} tone="warn" />,
    }),
    column.accessor('offlinePartitions', {
      header: 'Offline',
      size: 80,
      sortDescFirst: true,
      meta: numeric('Offline partitions: no leader, nothing can be read or written'),
      cell: (c) => <CountCell value={c.getValue()} tone="bad" />,
    }),
    column.accessor('underMinIsrPartitions', {
      header: 'Under min ISR',
      size: 88,
      sortDescFirst: true,
      meta: numeric('Partitions with fewer in-sync replicas than min.insync.replicas: acks=all producers are refused'),
      cell: (c) => <CountCell value={c.getValue()} tone="bad" />,
    }),
    column.accessor('messageCount', {
      header: 'Messages',
      size: 108,
      sortDescFirst: true,
      meta: numeric('Σ (high watermark − log start offset): what the log holds now'),
      cell: (c) => formatInt64(c.getValue()),
    }),
    column.accessor('sizeBytes', {
      header: 'Size',
      size: 92,
      sortDescFirst: true,
      meta: numeric('Size of the leader replicas on disk'),
      cell: (c) => {
        const size = c.getValue();
        return size === null ? (
          <span title="Some broker's log dirs could not be read">–</span>
        ) : (
          <span title={`${formatInt64(size)} bytes`}>{formatBytes(size)}</span>
        );
      },
    }),
    percent('preferredPercent', 'Preferred', 112, 'Partitions led by their preferred (first) replica'),
    percent('spreadPercent', 'Spread', 80, 'Brokers hosting the topic / brokers in the cluster'),
    percent('skewPercent', 'Skew', 72, 'Brokers holding more than their fair share of replicas'),
    percent('leaderSkewPercent', 'Leader skew', 88, 'Brokers leading more than their fair share of partitions'),
  ];
}
