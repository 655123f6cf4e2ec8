'use client';

import { totalLines } from '@/lib/metric-series';
import { MetricCharts, type ChartSpec } from '@/components/charts/metric-charts';

const CHARTS: ChartSpec[] = [
  { title: 'Bytes in per second (led)', unit: 'B/s', pick: (all) => totalLines(all, [{ name: 'bytesInPerSec', label: 'Bytes in (led)' }]) },
  {
    title: 'Messages in per second (led)',
    unit: 'msg/s',
    pick: (all) => totalLines(all, [{ name: 'messagesInPerSec', label: 'Messages in (led)' }]),
  },
  { title: 'Disk used', unit: 'B', pick: (all) => totalLines(all, [{ name: 'diskUsedBytes', label: 'Disk used' }]) },
];

/** What the broker takes in as a leader, and its log dirs' size over time. */
export function BrokerCharts({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  return (
    <MetricCharts
      clusterId={clusterId}
      target={{ scope: 'broker', brokerId }}
      title="History"
      note="Traffic into the partitions this broker leads (Kafka's internal topics left out); disk = every replica in its log dirs."
      charts={CHARTS}
    />
  );
}
