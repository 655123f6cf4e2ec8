import Link from 'next/link';
import { formatInt64 } from '@/lib/format';
import { pageRoutes } from '@/lib/routes';
import type { ShareGroupDetailResponse } from '@/lib/schemas/consumer-groups';
import { GroupConfigs } from '@/components/consumer-groups/group-configs';
import { GroupOffsetActions } from '@/components/consumer-groups/group-offset-actions';
import { GroupStateBadge } from '@/components/consumer-groups/group-state-badge';
import { GroupHeading, assignmentText } from '@/components/consumer-groups/group-heading';
import { AsOf } from '@/components/feedback/as-of';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

const unknown = <span className="text-zinc-400">-</span>;

/**
 * A share group (KIP-932): its members share partitions, and each partition has a start offset (everything before
 * it is acknowledged) and a lag the broker counts — kafka-share-groups --describe, --members and --state.
 */
export function ShareGroupDetail({ clusterId, data, stale }: { clusterId: string; data: ShareGroupDetailResponse; stale: boolean }) {
  const lags = data.offsets.flatMap((r) => (r.lag === null ? [] : [BigInt(r.lag)]));
  const totalLag = lags.length ? lags.reduce((a, b) => a + b, 0n) : null;
  return (
    <article aria-labelledby="group-name" className="space-y-6">
      <header className="space-y-1">
        <GroupHeading clusterId={clusterId} groupId={data.groupId}>
          <GroupStateBadge state={data.state} />
          <Badge tone="neutral">share group</Badge>
          {data.partial ? (
            <Badge tone="warn" title={data.error ?? 'Part of the group could not be read'}>
              partial
            </Badge>
          ) : null}
        </GroupHeading>
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-zinc-500 dark:text-zinc-400">
          <p>
            share group{data.assignor ? ` · assignor ${data.assignor}` : ''} · group epoch {data.epochs.groupEpoch}, assignment epoch{' '}
            {data.epochs.targetAssignmentEpoch} · coordinator broker {data.coordinatorId} · {data.members.length} member
            {data.members.length === 1 ? '' : 's'} · total lag {totalLag === null ? 'unknown' : formatInt64(totalLag)}
          </p>
          <AsOf asOf={data.asOf} stale={stale} />
        </div>
      </header>
      <section aria-labelledby="share-offsets-heading" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="share-offsets-heading" className="font-medium">
            Start offsets and lag
          </h3>
          <GroupOffsetActions clusterId={clusterId} groupId={data.groupId} />
        </div>
        {data.offsets.length === 0 ? (
          <EmptyState title="No partitions">The group has no state on any partition yet.</EmptyState>
        ) : (
          <Table aria-label="Share group offsets">
            <thead>
              <tr>
                <Th>Topic</Th>
                <Th numeric>Partition</Th>
                <Th numeric title="Every record before it is acknowledged or archived">
                  Start offset
                </Th>
                <Th numeric title="Records from the start offset to the high watermark not yet acknowledged">
                  Lag
                </Th>
              </tr>
            </thead>
            <tbody>
              {data.offsets.map((r) => (
                <tr key={`${r.topic}:${r.partition}`} data-topic={r.topic} data-partition={r.partition}>
                  <Td className="font-mono text-xs">
                    <Link href={pageRoutes.topic(clusterId, r.topic)} className="text-sky-700 hover:underline dark:text-sky-400">
                      {r.topic}
                    </Link>
                  </Td>
                  <Td numeric>{r.partition}</Td>
                  <Td numeric data-column="startOffset">
                    {r.startOffset === null ? unknown : formatInt64(r.startOffset)}
                  </Td>
                  <Td numeric data-column="lag">
                    {r.lag === null ? unknown : formatInt64(r.lag)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="share-members-heading" className="space-y-2">
        <h3 id="share-members-heading" className="font-medium">
          Members
        </h3>
        {data.members.length === 0 ? (
          <EmptyState title="No active members">The start offsets are kept; nothing is consuming now.</EmptyState>
        ) : (
          <Table aria-label="Members">
            <thead>
              <tr>
                <Th>Client ID</Th>
                <Th>Host</Th>
                <Th>Member ID</Th>
                <Th numeric>Epoch</Th>
                <Th>Subscription</Th>
                <Th>Assignment</Th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.memberId} data-member={m.memberId}>
                  <Td className="font-mono text-xs">{m.clientId}</Td>
                  <Td className="font-mono text-xs">
                    {m.host}
                    {m.rack ? <div className="font-sans text-zinc-500">rack {m.rack}</div> : null}
                  </Td>
                  <Td className="max-w-xs truncate font-mono text-xs">{m.memberId}</Td>
                  <Td numeric>{m.memberEpoch}</Td>
                  <Td className="font-mono text-xs">{m.subscribedTopicNames.join(', ')}</Td>
                  <Td className="font-mono text-xs">{assignmentText(m.assignments) || <span className="text-zinc-400">none</span>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="share-configs-heading" className="space-y-2">
        <h3 id="share-configs-heading" className="font-medium">
          Configs
        </h3>
        <GroupConfigs clusterId={clusterId} groupId={data.groupId} />
      </section>
    </article>
  );
}
