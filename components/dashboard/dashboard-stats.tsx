'use client';

import { useQuery } from '@tanstack/react-query';
import { formatCount, formatMetric } from '@/lib/format';
import { latestValue, totalSeries } from '@/lib/metric-series';
import type { MetricRangeKey } from '@/lib/metrics-range';
import { healthQueries } from '@/lib/queries/health';
import { metricQueries } from '@/lib/queries/metrics';
import { overviewQueries } from '@/lib/queries/overview';
import { pageRoutes } from '@/lib/routes';
import { Stat } from '@/components/ui/stat';

const CLUSTER = { scope: 'cluster' } as const;

/**
 * The figures now: throughput and backlog as of the latest sampling pass, brokers and at-risk partitions from the
 * live cluster state (a non-preferred leader alone is not a risk to data).
 */
export function DashboardStats({ clusterId, range }: { clusterId: string; range: MetricRangeKey }) {
  const metrics = useQuery(metricQueries.range(clusterId, CLUSTER, range));
  const overview = useQuery(overviewQueries.detail(clusterId));
  const health = useQuery(healthQueries.partitions(clusterId));
  const latest = (name: string, unit: string) => {
    if (metrics.isPending) return '…';
    const value = latestValue(totalSeries(metrics.data?.series ?? [], name));
    return value === null ? '–' : formatMetric(value, unit);
  };
  const atRisk = health.data?.partitions.filter((p) => p.reasons.some((r) => r !== 'non-preferred-leader')).length;
  const brokers = overview.data?.brokers;
  return (
    <dl aria-label="Cluster now" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <Stat label="Messages in / s" value={latest('messagesInPerSec', 'msg/s')} />
      <Stat label="Bytes in / s" value={latest('bytesInPerSec', 'B/s')} />
      <Stat label="Consumed / s" value={latest('messagesConsumedPerSec', 'msg/s')} hint="Committed offsets' progress, all groups" />
      <Stat label="Total backlog" value={latest('totalLag', 'msg')} hint="Sum of every group's lag" />
      <Stat
        label="Brokers up"
        value={brokers ? `${brokers.up} / ${brokers.known}` : '…'}
        tone={brokers?.down.length ? 'bad' : undefined}
        href={pageRoutes.brokers(clusterId)}
      />
      <Stat
        label="At-risk partitions"
        value={atRisk === undefined ? '…' : formatCount(atRisk)}
        tone={atRisk ? 'bad' : undefined}
        href={pageRoutes.health(clusterId)}
        hint="Offline, leaderless, under min ISR or under-replicated"
      />
    </dl>
  );
}
