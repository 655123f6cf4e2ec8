'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatCount } from '@/lib/format';
import { brokerQueries } from '@/lib/queries/brokers';
import { pageRoutes } from '@/lib/routes';
import type { BrokerDetailResponse } from '@/lib/schemas/brokers';
import { Disk, Skew } from '@/components/brokers/broker-cells';
import { BrokerCharts } from '@/components/brokers/broker-charts';
import { BrokerConfigs } from '@/components/brokers/broker-configs';
import { LogDirsTable } from '@/components/brokers/log-dirs-table';
import { AsOf } from '@/components/feedback/as-of';
import { QueryError } from '@/components/feedback/query-error';
import { BrokerReassignActions } from '@/components/reassignments/reassign-entry-actions';
import { Badge } from '@/components/ui/badge';
import { DetailHeader } from '@/components/ui/detail-header';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { FactList } from '@/components/ui/fact-list';

function Facts({ data }: { data: BrokerDetailResponse }) {
  const { broker } = data;
  const facts: [string, ReactNode][] = [
    ['Address', <span key="a" className="font-mono">{`${broker.host}:${broker.port}`}</span>],
    ['Rack', broker.rack ?? <span className="text-zinc-400">none</span>],
    ['Leader of', `${formatCount(broker.leaderCount)} partitions`],
    ['Replicas', formatCount(broker.replicaCount)],
    ['Preferred leader of', `${formatCount(broker.preferredLeaderCount)} partitions`],
    ['Replica skew', <Skew key="r" value={broker.replicaSkewPercent} />],
    ['Leader skew', <Skew key="l" value={broker.leaderSkewPercent} />],
    ['On disk', <Disk key="d" broker={broker} />],
  ];
  return <FactList label="Broker facts" facts={facts} />;
}

/** One broker: where it is, what it holds and leads, its log dirs, and its configs read from the broker itself. */
export function BrokerDetail({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const { data, error, isPending, refetch } = useQuery(brokerQueries.detail(clusterId, brokerId));
  const down = data?.broker.status === 'down';
  return (
    <article aria-labelledby="broker-name" className="space-y-6">
      <DetailHeader
        back={{ href: pageRoutes.brokers(clusterId), label: 'Brokers' }}
        titleId="broker-name"
        title={`Broker ${brokerId}`}
        badges={
          <>
            {data && data.controllerId === brokerId ? <Badge tone="info">controller</Badge> : null}
            {down ? (
              <Badge tone="bad" title="Seen before, missing from the cluster now">
                down
              </Badge>
            ) : null}
            {data?.partial && !down ? (
              <Badge tone="warn" title={data.broker.error ?? 'Part of this broker could not be read'}>
                partial
              </Badge>
            ) : null}
          </>
        }
        actions={data ? <BrokerReassignActions clusterId={clusterId} brokerId={brokerId} /> : null}
      >
        {data ? (
          <p className="text-right text-sm text-zinc-500 dark:text-zinc-400">
            <AsOf asOf={data.asOf} stale={Boolean(error)} />
          </p>
        ) : null}
      </DetailHeader>
      {isPending ? <LoadingRows label="Loading broker" /> : null}
      {error && !data ? <QueryError what="the broker" error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <>
          <Facts data={data} />
          <BrokerCharts clusterId={clusterId} brokerId={brokerId} />
          {down ? (
            <EmptyState title="This broker is down">
              The console saw it before and it is missing from the cluster now. Its log dirs and configs can only be read from the broker
              itself.
            </EmptyState>
          ) : (
            <>
              <LogDirsTable logDirs={data.logDirs} error={data.broker.error} />
              <BrokerConfigs clusterId={clusterId} brokerId={brokerId} />
            </>
          )}
        </>
      ) : null}
    </article>
  );
}
