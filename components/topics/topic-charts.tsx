'use client';

import { totalLines } from '@/lib/metric-series';
import { MetricCharts, type ChartSpec } from '@/components/charts/metric-charts';

const CHARTS: ChartSpec[] = [
  { title: 'Messages in per second', unit: 'msg/s', pick: (all) => totalLines(all, [{ name: 'messagesInPerSec', label: 'Messages in' }]) },
  { title: 'Bytes in per second', unit: 'B/s', pick: (all) => totalLines(all, [{ name: 'bytesInPerSec', label: 'Bytes in' }]) },
  { title: 'Size', unit: 'B', pick: (all) => totalLines(all, [{ name: 'sizeBytes', label: 'Size (leaders)' }]) },
];

/** The topic's throughput and size over time, from the console's own samples of offsets and log-dir sizes. */
export function TopicCharts({ clusterId, topic }: { clusterId: string; topic: string }) {
  return (
    <MetricCharts
      clusterId={clusterId}
      target={{ scope: 'topic', topic }}
      title="Throughput"
      note="Messages in = growth of the high watermarks; bytes in = growth of the leaders' log size (estimated from the bytes per offset where retention or compaction shrank it)."
      charts={CHARTS}
    />
  );
}
