'use client';

import { totalLines } from '@/lib/metric-series';
import type { MetricSeries } from '@/lib/schemas/metrics';
import { ChartsSection } from '@/components/charts/charts-section';
import { MetricChart } from '@/components/charts/metric-chart';
import { useMetricRange } from '@/components/charts/use-metric-range';

const messages = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'messagesInPerSec', label: 'Messages in' }]);
const bytes = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'bytesInPerSec', label: 'Bytes in' }]);
const size = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'sizeBytes', label: 'Size (leaders)' }]);

/** The topic's throughput and size over time, from the console's own samples of offsets and log-dir sizes. */
export function TopicCharts({ clusterId, topic }: { clusterId: string; topic: string }) {
  const [range] = useMetricRange();
  const target = { scope: 'topic', topic } as const;
  return (
    <ChartsSection title="Throughput" note="Messages in = growth of the high watermarks; bytes in = growth of the leaders' log size (estimated from the bytes per offset where retention or compaction shrank it).">
      <MetricChart clusterId={clusterId} target={target} range={range} title="Messages in per second" unit="msg/s" pick={messages} />
      <MetricChart clusterId={clusterId} target={target} range={range} title="Bytes in per second" unit="B/s" pick={bytes} />
      <MetricChart clusterId={clusterId} target={target} range={range} title="Size" unit="B" pick={size} />
    </ChartsSection>
  );
}
