import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { formatCount, formatInt64 } from '@/lib/format';
import { pageRoutes } from '@/lib/routes';
import type { ConsumerGroupSummary } from '@/lib/schemas/consumer-groups';
import { GroupStateBadge } from '@/components/consumer-groups/group-state-badge';
import { Duration, LagStatusBadge } from '@/components/consumer-groups/lag-status-badge';
import { Badge } from '@/components/ui/badge';
import type { VirtualColumnMeta } from '@/components/ui/virtual-table';

const column = createColumnHelper<ConsumerGroupSummary>();
const numeric = (title: string): VirtualColumnMeta => ({ numeric: true, title });

function Lag({ value }: { value: string | null }) {
  if (value === null)
    return (
      <span className="text-zinc-400" title="No committed offset with a known end offset">
        –
      </span>
    );
  const lag = BigInt(value);
  return (
    <span className={lag > 0n ? 'font-medium' : lag < 0n ? 'text-amber-700 dark:text-amber-400' : 'text-zinc-500'}>{formatInt64(lag)}</span>
  );
}

/** Column ids are the API's sort fields: the server sorts, the table only shows which way. */
export function groupColumns(clusterId: string) {
  return [
    column.accessor('groupId', {
      header: 'Group',
      size: 220,
      sortDescFirst: false,
      meta: { className: 'font-mono text-xs' },
      cell: ({ row: { original: g } }) => (
        <span className="flex min-w-0 items-center gap-1.5">
          <Link
            href={pageRoutes.consumerGroup(clusterId, g.groupId)}
            title={g.groupId}
            className="truncate text-sky-700 hover:underline dark:text-sky-400"
          >
            {g.groupId}
          </Link>
          {g.error ? (
            <Badge tone="warn" title={g.error}>
              partial
            </Badge>
          ) : null}
        </span>
      ),
    }),
    column.accessor('state', { header: 'State', size: 136, sortDescFirst: false, cell: (c) => <GroupStateBadge state={c.getValue()} /> }),
    column.display({
      id: 'protocol',
      header: 'Type',
      size: 116,
      meta: { title: 'classic (JoinGroup), consumer (KIP-848), share (KIP-932) or streams (KIP-1071); the assignor' },
      cell: ({ row: { original: g } }) => (
        <span className="text-xs">
          {g.protocolType === '' ? (
            <span className="text-zinc-500" title="Offsets only: no consumer ever joined">
              offsets only
            </span>
          ) : (
            g.groupProtocol
          )}
          {g.assignor ? <span className="text-zinc-500"> · {g.assignor}</span> : null}
        </span>
      ),
    }),
    column.accessor('memberCount', {
      header: 'Members',
      size: 92,
      sortDescFirst: true,
      meta: numeric('Active members'),
      cell: (c) => formatCount(c.getValue()),
    }),
    column.display({
      id: 'topics',
      header: 'Topics',
      size: 140,
      meta: { title: 'Topics the group committed offsets for or is assigned' },
      cell: ({ row: { original: g } }) => (
        <span className="truncate font-mono text-xs" title={g.topics.join('\n')}>
          {g.topics.length === 1 ? g.topics[0] : `${formatCount(g.topics.length)} topics`}
        </span>
      ),
    }),
    column.accessor('totalLag', {
      header: 'Total lag',
      size: 100,
      sortDescFirst: true,
      meta: numeric('Σ LAG over the group’s rows, as kafka-consumer-groups computes it'),
      cell: (c) => <Lag value={c.getValue()} />,
    }),
    column.accessor('maxLag', {
      header: 'Max lag',
      size: 92,
      sortDescFirst: true,
      meta: numeric('The largest LAG of one partition'),
      cell: (c) => <Lag value={c.getValue()} />,
    }),
    column.accessor('maxTimeLagMs', {
      header: 'Time lag',
      size: 92,
      sortDescFirst: true,
      meta: numeric('How far behind the most lagging partition is: now − when its high watermark reached the committed offset'),
      cell: ({ row: { original: g } }) => (
        <Duration
          ms={g.maxTimeLagMs}
          lowerBound={g.maxTimeLagIsLowerBound}
          unknown={g.sampling ? 'Unknown: no committed offset, or no record produced since sampling began' : 'Not sampled'}
        />
      ),
    }),
    column.display({
      id: 'status',
      header: 'Status',
      size: 112,
      meta: { title: 'Burrow-style status of the worst partition over the console’s samples (OK < WARN < REWIND < STALL < STOP)' },
      cell: ({ row: { original: g } }) => <LagStatusBadge status={g.status} sampling={g.sampling} uncommitted={g.totalLag === null} />,
    }),
    column.accessor('coordinatorId', {
      header: 'Coordinator',
      size: 124,
      sortDescFirst: false,
      meta: numeric('The broker coordinating this group'),
      cell: (c) => c.getValue(),
    }),
  ];
}
