'use client';

import { totalLines } from '@/lib/metric-series';
import { MetricCharts, type ChartSpec } from '@/components/charts/metric-charts';
import { useMetricRange } from '@/components/charts/use-metric-range';
import { DashboardStats } from '@/components/dashboard/dashboard-stats';
import { TopLists } from '@/components/dashboard/top-lists';

const CHARTS: ChartSpec[] = [
  {
    title: 'Messages per second',
    unit: 'msg/s',
    pick: (all) =>
      totalLines(all, [
        { name: 'messagesInPerSec', label: 'Produced' },
        { name: 'messagesConsumedPerSec', label: 'Consumed' },
      ]),
  },
  { title: 'Bytes in per second', unit: 'B/s', pick: (all) => totalLines(all, [{ name: 'bytesInPerSec', label: 'Bytes in' }]) },
  { title: 'Backlog (all groups)', unit: 'msg', pick: (all) => totalLines(all, [{ name: 'totalLag', label: 'Total lag' }]) },
  { title: 'Largest time lag', unit: 's', pick: (all) => totalLines(all, [{ name: 'maxTimeLagSeconds', label: 'Largest time lag' }]) },
];

/**
 * The managers' page: throughput and backlog now and over the chosen range (in the URL), and who produces and who
 * lags most. Everything comes from the console's own samples of offsets and log-dir sizes: no JMX, no exporter.
 */
export function ClusterDashboard({ clusterId }: { clusterId: string }) {
  const [range] = useMetricRange();
  return (
    <div className="space-y-6">
      <DashboardStats clusterId={clusterId} range={range} />
      <MetricCharts
        clusterId={clusterId}
        target={{ scope: 'cluster' }}
        title="Throughput and backlog"
        note="Kafka's internal topics are left out of the throughput. Consumed = committed offsets' progress of every group."
        charts={CHARTS}
      />
      <TopLists clusterId={clusterId} />
    </div>
  );
}
