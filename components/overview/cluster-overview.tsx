'use client';

import { useQuery } from '@tanstack/react-query';
import { formatBytes, formatCount, formatInt64 } from '@/lib/format';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { overviewQueries } from '@/lib/queries/overview';
import { pageRoutes } from '@/lib/routes';
import { GROUP_TYPES } from '@/lib/schemas/consumer-groups';
import type { ClusterOverview as Overview } from '@/lib/schemas/overview';
import { AsOf } from '@/components/feedback/as-of';
import { QueryError } from '@/components/feedback/query-error';
import { QuorumVoterAction } from '@/components/overview/quorum-voter-action';
import { Badge } from '@/components/ui/badge';
import { Stat } from '@/components/ui/stat';
import { LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

function Quorum({ clusterId, quorum }: { clusterId: string; quorum: NonNullable<Overview['quorum']> }) {
  return (
    <section aria-label="Controller quorum" className="space-y-2">
      <h2 className="text-sm font-medium">
        KRaft controller quorum · leader {quorum.leaderId ?? 'none'} · epoch {quorum.leaderEpoch} · high watermark{' '}
        {formatInt64(quorum.highWatermark)}
      </h2>
      <Table>
        <thead>
          <tr>
            <Th>Node</Th>
            <Th>Role</Th>
            <Th>Endpoints</Th>
            <Th title="KIP-853: the metadata log directory; none in a static quorum">Directory</Th>
            <Th numeric>Log end offset</Th>
            <Th numeric>Lag</Th>
            <Th>Last caught up</Th>
            <Th>
              <span className="sr-only">Membership</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {[
            ...quorum.voters.map((r) => ({ ...r, role: 'voter' as const })),
            ...quorum.observers.map((r) => ({ ...r, role: 'observer' as const })),
          ].map((r) => (
            <tr key={`${r.role}-${r.id}`}>
              <Td className="font-mono">{r.id}</Td>
              <Td>
                {r.id === quorum.leaderId ? <Badge tone="info">leader</Badge> : r.role}
                {r.controllerOnly ? <span className="ml-1 text-xs text-zinc-500">controller only</span> : null}
              </Td>
              <Td className="font-mono text-xs">{r.endpoints?.join(', ') ?? '–'}</Td>
              <Td className="font-mono text-xs" title={r.directoryId ?? 'static quorum: no directory id'}>
                {r.directoryId ?? '–'}
              </Td>
              <Td numeric>{formatInt64(r.logEndOffset)}</Td>
              <Td numeric>{formatInt64(r.lag)}</Td>
              <Td className="text-xs text-zinc-500">
                {r.lastCaughtUpTimestamp ? new Date(r.lastCaughtUpTimestamp).toISOString().replace('T', ' ').slice(0, 19) : '–'}
              </Td>
              <Td>
                <QuorumVoterAction clusterId={clusterId} quorum={quorum} replica={r} role={r.role} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

/** Groups of every type (kafka-groups --list), read with the groups page's first page (the same query: one read). */
function GroupsStat({ clusterId }: { clusterId: string }) {
  const { data, isPending } = useQuery(groupQueries.list(clusterId, {}));
  const parts = data ? GROUP_TYPES.filter((t) => data.byType[t]).map((t) => `${t} ${formatCount(data.byType[t]!)}`) : [];
  return (
    <Stat
      label="Groups"
      href={pageRoutes.consumerGroups(clusterId)}
      hint="Consumer (classic and KIP-848), share and streams groups"
      value={
        data ? (
          <>
            {formatCount(data.total)}
            <span data-testid="groups-by-type" className="block text-xs font-normal text-zinc-500">
              {parts.join(' · ') || 'none'}
            </span>
          </>
        ) : isPending ? (
          '…'
        ) : (
          'unknown'
        )
      }
    />
  );
}

export function ClusterOverview({ clusterId, healthHref }: { clusterId: string; healthHref: string }) {
  const { data, error, isPending, refetch } = useQuery(overviewQueries.detail(clusterId));
  if (isPending) return <LoadingRows label="Loading overview" />;
  if (error && !data) return <QueryError what="the overview" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  const risk = (n: number, tone: 'bad' | 'warn') => (n > 0 ? tone : undefined);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-zinc-500 dark:text-zinc-400">
        <p>
          {data.kafkaVersion.label} · {data.mode === 'kraft' ? 'KRaft' : 'ZooKeeper'} · controller{' '}
          {data.controllerId ?? (data.mode === 'kraft' && !data.quorum ? 'unknown' : 'none')}
          {data.brokers.down.length ? (
            <span className="ml-2 text-red-700 dark:text-red-400">brokers down: {data.brokers.down.join(', ')}</span>
          ) : null}
        </p>
        <AsOf asOf={data.asOf} stale={Boolean(error)} />
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Brokers up" value={`${data.brokers.up} / ${data.brokers.known}`} tone={data.brokers.down.length ? 'bad' : undefined} />
        <Stat label="Topics" value={formatCount(data.topics)} />
        <Stat label="Partitions" value={formatCount(data.partitions)} />
        <Stat label="Replicas" value={formatCount(data.replicas)} />
        <Stat label="Size" value={data.totalSizeBytes === null ? 'unknown' : formatBytes(data.totalSizeBytes)} />
        <GroupsStat clusterId={clusterId} />
        <Stat label="Offline" value={formatCount(data.offline)} tone={risk(data.offline, 'bad')} href={healthHref} />
        <Stat label="Leaderless" value={formatCount(data.leaderless)} tone={risk(data.leaderless, 'bad')} href={healthHref} />
        <Stat label="Under min ISR" value={formatCount(data.underMinIsr)} tone={risk(data.underMinIsr, 'bad')} href={healthHref} />
        <Stat
          label="Under-replicated"
          value={formatCount(data.underReplicated)}
          tone={risk(data.underReplicated, 'warn')}
          href={healthHref}
        />
        <Stat
          label="Non-preferred leaders"
          value={formatCount(data.nonPreferredLeaders)}
          tone={risk(data.nonPreferredLeaders, 'warn')}
          href={healthHref}
        />
      </dl>
      {data.quorum ? <Quorum clusterId={clusterId} quorum={data.quorum} /> : null}
    </div>
  );
}
