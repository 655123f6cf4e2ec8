'use client';

import { useQuery } from '@tanstack/react-query';
import { topicQueries } from '@/lib/queries/topics';
import { TopicGroups } from '@/components/consumer-groups/topic-groups';
import { AsOf } from '@/components/feedback/as-of';
import { QueryError } from '@/components/feedback/query-error';
import { TopicReassignActions } from '@/components/reassignments/reassign-entry-actions';
import { PartitionsTable } from '@/components/topics/partitions-table';
import { TopicAdminActions } from '@/components/topics/topic-admin-actions';
import { TopicCharts } from '@/components/topics/topic-charts';
import { TopicConfigs } from '@/components/topics/topic-configs';
import { TopicHeader } from '@/components/topics/topic-header';
import { Badge } from '@/components/ui/badge';
import { LoadingRows } from '@/components/ui/states';

/** One topic: its partitions as the brokers report them, then its configs and where each value comes from. */
export function TopicDetail({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { data, error, isPending, refetch } = useQuery(topicQueries.detail(clusterId, topic));
  return (
    <article aria-labelledby="topic-name" className="space-y-6">
      <TopicHeader
        clusterId={clusterId}
        topic={topic}
        tab="overview"
        badges={
          <>
            {data?.internal ? <Badge title="Kafka's own topic">internal</Badge> : null}
            {data?.partial ? (
              <Badge tone="warn" title="Part of the cluster could not be read: some values are missing">
                partial
              </Badge>
            ) : null}
          </>
        }
        actions={
          <>
            {data ? <TopicReassignActions clusterId={clusterId} topic={topic} /> : null}
            <TopicAdminActions clusterId={clusterId} topic={topic} />
          </>
        }
      >
        {data ? (
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-zinc-500 dark:text-zinc-400">
            <p>
              {data.partitions.length} partition{data.partitions.length === 1 ? '' : 's'} · replication factor{' '}
              {data.partitions[0]?.replicas.length ?? 0} · min.insync.replicas {data.minInsyncReplicas ?? 'unknown'}
            </p>
            <AsOf asOf={data.asOf} stale={Boolean(error)} />
          </div>
        ) : null}
      </TopicHeader>
      {isPending ? <LoadingRows label="Loading topic" /> : null}
      {error && !data ? <QueryError what="the topic" error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <>
          <PartitionsTable clusterId={clusterId} topic={topic} partitions={data.partitions} minInsyncReplicas={data.minInsyncReplicas} />
          <TopicCharts clusterId={clusterId} topic={topic} />
          <TopicGroups clusterId={clusterId} topic={topic} />
          <TopicConfigs
            clusterId={clusterId}
            topic={topic}
            internal={data.internal}
            replicationFactor={data.partitions[0]?.replicas.length}
          />
        </>
      ) : null}
    </article>
  );
}
