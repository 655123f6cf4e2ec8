'use client';

import { useQuery } from '@tanstack/react-query';
import { formatDuration, formatInt64 } from '@/lib/format';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { apiRoutes } from '@/lib/routes';
import { GroupCharts } from '@/components/consumer-groups/group-charts';
import { GroupConfigs } from '@/components/consumer-groups/group-configs';
import { GroupHeading } from '@/components/consumer-groups/group-heading';
import { GroupMembers } from '@/components/consumer-groups/group-members';
import { GroupOffsetActions } from '@/components/consumer-groups/group-offset-actions';
import { GroupOffsetsTable } from '@/components/consumer-groups/group-offsets-table';
import { GroupStateBadge } from '@/components/consumer-groups/group-state-badge';
import { ShareGroupDetail } from '@/components/consumer-groups/share-group-detail';
import { StreamsGroupDetail } from '@/components/consumer-groups/streams-group-detail';
import { LagStatusBadge } from '@/components/consumer-groups/lag-status-badge';
import { TopicLagTable, topicLags } from '@/components/consumer-groups/topic-lag-table';
import { AsOf } from '@/components/feedback/as-of';
import { QueryError } from '@/components/feedback/query-error';
import { Badge } from '@/components/ui/badge';
import { EmptyState, LoadingRows } from '@/components/ui/states';

const REBALANCING = new Set(['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling']);

/** One consumer group: kafka-consumer-groups --describe's table, the lag per topic, and the members; share and streams groups have their own views. */
export function GroupDetail({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const { data: group, error, isPending, refetch } = useQuery(groupQueries.detail(clusterId, groupId));
  if (group?.type === 'share') return <ShareGroupDetail clusterId={clusterId} data={group} stale={Boolean(error)} />;
  if (group?.type === 'streams') return <StreamsGroupDetail clusterId={clusterId} data={group} stale={Boolean(error)} />;
  const data = group;
  const totalLag = data
    ? topicLags(data.offsets).reduce<bigint | null>((sum, t) => (t.lag === null ? sum : (sum ?? 0n) + t.lag), null)
    : null;
  return (
    <article aria-labelledby="group-name" className="space-y-6">
      <header className="space-y-1">
        <GroupHeading clusterId={clusterId} groupId={groupId}>
          {data ? <GroupStateBadge state={data.state} /> : null}
          {data ? <LagStatusBadge status={data.status} sampling={data.sampling} uncommitted={totalLag === null} /> : null}
          {data?.partial ? (
            <Badge tone="warn" title="Part of the group could not be read: some values are missing">
              partial
            </Badge>
          ) : null}
        </GroupHeading>
        {data ? (
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-zinc-500 dark:text-zinc-400">
            <p>
              {data.protocolType === '' ? 'offsets only (no consumer ever joined)' : `${data.groupProtocol} protocol`}
              {data.assignor ? ` · assignor ${data.assignor}` : ''}
              {data.epochs
                ? ` · group epoch ${data.epochs.groupEpoch}, target assignment epoch ${data.epochs.targetAssignmentEpoch}`
                : ''}{' '}
              · coordinator broker {data.coordinatorId} · {data.members.length} member
              {data.members.length === 1 ? '' : 's'} · total lag {totalLag === null ? 'unknown' : formatInt64(totalLag)}
              {data.maxTimeLagMs === null
                ? ''
                : ` · max time lag ${data.maxTimeLagIsLowerBound ? '≥ ' : ''}${formatDuration(data.maxTimeLagMs)}`}
            </p>
            <AsOf asOf={data.asOf} stale={Boolean(error)} />
          </div>
        ) : null}
      </header>
      {isPending ? <LoadingRows label="Loading consumer group" /> : null}
      {error && !data ? <QueryError what="the consumer group" error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <>
          {data.state === 'Empty' ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Consumer group &apos;{groupId}&apos; has no active members.</p>
          ) : null}
          {REBALANCING.has(data.state) ? (
            <p role="status" className="text-sm text-amber-700 dark:text-amber-400">
              {data.members.some((m) => m.assignments.length > 0)
                ? 'The group is rebalancing: assignments shown are the ones before it began; partitions are not consumed until it completes.'
                : 'The group is rebalancing: members have no assignment until it completes, so every committed partition shows as unassigned.'}
            </p>
          ) : null}
          <section aria-labelledby="offsets-heading" className="space-y-2">
            <div className="flex items-baseline justify-between">
              <h3 id="offsets-heading" className="font-medium">
                Offsets
              </h3>
              <GroupOffsetActions clusterId={clusterId} groupId={groupId} />
              <a
                href={apiRoutes.consumerGroupCsv(clusterId, groupId)}
                className="text-sm text-sky-700 hover:underline dark:text-sky-400"
                download
              >
                Export CSV
              </a>
            </div>
            {data.offsets.length === 0 ? (
              <EmptyState title="No offsets">The group has no committed offsets and no assigned partitions.</EmptyState>
            ) : (
              <GroupOffsetsTable clusterId={clusterId} rows={data.offsets} />
            )}
          </section>
          {data.offsets.length > 0 ? (
            <section aria-labelledby="topics-heading" className="space-y-2">
              <h3 id="topics-heading" className="font-medium">
                Lag per topic
              </h3>
              <TopicLagTable rows={data.offsets} />
            </section>
          ) : null}
          <GroupCharts clusterId={clusterId} groupId={groupId} />
          <section aria-labelledby="members-heading" className="space-y-2">
            <h3 id="members-heading" className="font-medium">
              Members
            </h3>
            <GroupMembers members={data.members} state={data.state} epochs={data.epochs} />
          </section>
          <section aria-labelledby="group-configs-heading" className="space-y-2">
            <h3 id="group-configs-heading" className="font-medium">
              Configs
            </h3>
            <GroupConfigs clusterId={clusterId} groupId={groupId} />
          </section>
        </>
      ) : null}
    </article>
  );
}
