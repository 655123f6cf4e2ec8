'use client';

import { totalLines } from '@/lib/metric-series';
import type { MetricSeries } from '@/lib/schemas/metrics';
import { ChartsSection } from '@/components/charts/charts-section';
import { MetricChart } from '@/components/charts/metric-chart';
import { useMetricRange } from '@/components/charts/use-metric-range';
import { DashboardStats } from '@/components/dashboard/dashboard-stats';
import { TopLists } from '@/components/dashboard/top-lists';

const CLUSTER = { scope: 'cluster' } as const;
const messages = (all: readonly MetricSeries[]) =>
  totalLines(all, [
    { name: 'messagesInPerSec', label: 'Produced' },
    { name: 'messagesConsumedPerSec', label: 'Consumed' },
  ]);
const bytes = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'bytesInPerSec', label: 'Bytes in' }]);
const backlog = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'totalLag', label: 'Total lag' }]);
const timeLag = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'maxTimeLagSeconds', label: 'Largest time lag' }]);

/**
 * The managers' page: throughput and backlog now and over the chosen range (in the URL), and who produces and who
 * lags most. Everything comes from the console's own samples of offsets and log-dir sizes: no JMX, no exporter.
 */
export function ClusterDashboard({ clusterId }: { clusterId: string }) {
  const [range] = useMetricRange();
  return (
    <div className="space-y-6">
      <DashboardStats clusterId={clusterId} range={range} />
      <ChartsSection title="Throughput and backlog" note="Kafka's internal topics are left out of the throughput. Consumed = committed offsets' progress of every group.">
        <MetricChart clusterId={clusterId} target={CLUSTER} range={range} title="Messages per second" unit="msg/s" pick={messages} />
        <MetricChart clusterId={clusterId} target={CLUSTER} range={range} title="Bytes in per second" unit="B/s" pick={bytes} />
        <MetricChart clusterId={clusterId} target={CLUSTER} range={range} title="Backlog (all groups)" unit="msg" pick={backlog} />
        <MetricChart clusterId={clusterId} target={CLUSTER} range={range} title="Largest time lag" unit="s" pick={timeLag} />
      </ChartsSection>
      <TopLists clusterId={clusterId} />
    </div>
  );
}
