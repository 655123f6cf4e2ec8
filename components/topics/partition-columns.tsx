import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { formatBytes, formatInt64 } from '@/lib/format';
import type { PartitionDetail } from '@/lib/schemas/topics';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

const column = createColumnHelper<PartitionDetail>();
const numeric = { numeric: true };
const quiet = 'text-zinc-400 dark:text-zinc-500';

function BrokerList({ ids, preferred, offline = [] }: { ids: number[]; preferred?: number; offline?: number[] }) {
  if (ids.length === 0) return <span className={quiet}>–</span>;
  return (
    <span className="font-mono tabular-nums">
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : null}
          <span
            title={
              [id === preferred ? 'preferred leader' : null, offline.includes(id) ? 'offline' : null].filter(Boolean).join(', ') ||
              undefined
            }
            className={cn(
              id === preferred && 'font-bold text-zinc-900 dark:text-zinc-100',
              offline.includes(id) && 'text-red-600 dark:text-red-400',
            )}
          >
            {id}
          </span>
        </span>
      ))}
    </span>
  );
}

/** KIP-966's eligible leader replicas; "unknown" where the cluster does not track them (never an empty "none"). */
function EligibleLeaders({ elr, lastKnown }: { elr: number[] | null; lastKnown: number[] | null }) {
  if (elr === null)
    return (
      <span title="The cluster does not track eligible leader replicas (ZooKeeper, Kafka before 3.8, or the feature off)" className={quiet}>
        unknown
      </span>
    );
  return (
    <span>
      <BrokerList ids={elr} />
      {lastKnown && lastKnown.length > 0 ? (
        <span title="Last known ELR: the members before the partition lost every one of them" className={cn('ml-1', quiet)}>
          (last known {lastKnown.join(', ')})
        </span>
      ) : null}
    </span>
  );
}

function Offset({ value, error }: { value: string | null; error?: string }) {
  return value === null ? (
    <span title={error ?? 'not read'} className={quiet}>
      –
    </span>
  ) : (
    <>{formatInt64(value)}</>
  );
}

function YesNo({ yes, tone, title }: { yes: boolean; tone: 'warn' | 'bad'; title: string }) {
  return yes ? (
    <Badge tone={tone} title={title}>
      yes
    </Badge>
  ) : (
    <span className={quiet}>no</span>
  );
}

/** Messages in the log now: high watermark − log start offset, exact (int64 as BigInt). */
function messages(p: PartitionDetail) {
  return p.highWatermark === null || p.logStartOffset === null ? null : (BigInt(p.highWatermark) - BigInt(p.logStartOffset)).toString();
}

/** Where a partition's first or last records are shown; absent for those who may not read record contents. */
export type RecordsHref = (partition: number, edge: 'oldest' | 'newest') => string;

export function partitionColumns(minInsyncReplicas: number | null, recordsHref?: RecordsHref) {
  const records = recordsHref
    ? [
        column.display({
          id: 'records',
          header: 'Records',
          size: 96,
          meta: { title: "The partition's first and last records" },
          cell: ({ row: { original: p } }) => (
            <span className="space-x-2">
              <Link
                className="text-sky-700 hover:underline dark:text-sky-400"
                href={recordsHref(p.partition, 'oldest')}
                aria-label={`First records of partition ${p.partition}`}
              >
                first
              </Link>
              <Link
                className="text-sky-700 hover:underline dark:text-sky-400"
                href={recordsHref(p.partition, 'newest')}
                aria-label={`Last records of partition ${p.partition}`}
              >
                last
              </Link>
            </span>
          ),
        }),
      ]
    : [];
  return [
    column.accessor('partition', { header: 'Partition', size: 84, meta: numeric, cell: (c) => c.getValue() }),
    column.accessor('leader', {
      header: 'Leader',
      size: 76,
      meta: numeric,
      cell: (c) =>
        c.getValue() ?? (
          <Badge tone="bad" title="No leader: the partition is unavailable">
            none
          </Badge>
        ),
    }),
    column.accessor('replicas', {
      header: 'Replicas',
      size: 120,
      meta: { title: 'In assignment order; the first is the preferred leader' },
      cell: ({ row: { original: p } }) => <BrokerList ids={p.replicas} preferred={p.replicas[0]} offline={p.offlineReplicas} />,
    }),
    column.accessor('isr', {
      header: 'ISR',
      size: 110,
      meta: { title: 'In-sync replicas' },
      cell: (c) => <BrokerList ids={c.getValue()} />,
    }),
    column.accessor('eligibleLeaderReplicas', {
      header: 'ELR',
      size: 96,
      meta: { title: 'Eligible leader replicas: out of the ISR, yet a clean leader (they hold every committed record)' },
      cell: ({ row: { original: p } }) => <EligibleLeaders elr={p.eligibleLeaderReplicas} lastKnown={p.lastKnownElr} />,
    }),
    column.accessor('offlineReplicas', {
      header: 'Offline',
      size: 88,
      meta: { title: 'Replicas on brokers that are down or on failed log dirs' },
      cell: (c) => <BrokerList ids={c.getValue()} offline={c.getValue()} />,
    }),
    column.accessor('logStartOffset', {
      header: 'Log start',
      size: 120,
      meta: numeric,
      cell: ({ row: { original: p } }) => <Offset value={p.logStartOffset} error={p.error} />,
    }),
    column.accessor('highWatermark', {
      header: 'High watermark',
      size: 116,
      meta: numeric,
      cell: ({ row: { original: p } }) => <Offset value={p.highWatermark} error={p.error} />,
    }),
    column.display({
      id: 'messages',
      header: 'Messages',
      size: 110,
      meta: { numeric: true, title: 'High watermark − log start offset' },
      cell: ({ row: { original: p } }) => <Offset value={messages(p)} error={p.error} />,
    }),
    column.accessor('sizeBytes', {
      header: 'Size',
      size: 88,
      meta: { numeric: true, title: "The leader replica's size on disk" },
      cell: (c) => {
        const size = c.getValue();
        return size === null ? <span className={quiet}>–</span> : <span title={`${formatInt64(size)} bytes`}>{formatBytes(size)}</span>;
      },
    }),
    column.display({
      id: 'preferred',
      header: 'Preferred',
      size: 92,
      meta: { title: 'The leader is the preferred (first) replica' },
      cell: ({ row: { original: p } }) =>
        p.leader !== null && p.leader === p.replicas[0] ? (
          <span title="Led by its preferred replica" className="text-emerald-700 dark:text-emerald-400">
            ✓
          </span>
        ) : (
          <span title="Not led by its preferred replica" className="text-amber-700 dark:text-amber-400">
            ✗
          </span>
        ),
    }),
    column.display({
      id: 'under-replicated',
      header: 'Under-replicated',
      size: 100,
      cell: ({ row: { original: p } }) => <YesNo yes={p.isr.length < p.replicas.length} tone="warn" title="Some replica is out of sync" />,
    }),
    column.display({
      id: 'under-min-isr',
      header: 'Under min ISR',
      size: 96,
      meta: { title: `Fewer in-sync replicas than min.insync.replicas (${minInsyncReplicas ?? 'unknown'})` },
      cell: ({ row: { original: p } }) =>
        minInsyncReplicas === null ? (
          <span className={quiet}>unknown</span>
        ) : (
          <YesNo
            yes={p.leader === null || p.isr.length < minInsyncReplicas}
            tone="bad"
            title="acks=all producers are refused (a partition without a leader takes no writes at all)"
          />
        ),
    }),
    ...records,
  ];
}
