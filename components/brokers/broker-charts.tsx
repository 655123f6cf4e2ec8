'use client';

import { totalLines } from '@/lib/metric-series';
import type { MetricSeries } from '@/lib/schemas/metrics';
import { ChartsSection } from '@/components/charts/charts-section';
import { MetricChart } from '@/components/charts/metric-chart';
import { useMetricRange } from '@/components/charts/use-metric-range';

const bytes = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'bytesInPerSec', label: 'Bytes in (led)' }]);
const messages = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'messagesInPerSec', label: 'Messages in (led)' }]);
const disk = (all: readonly MetricSeries[]) => totalLines(all, [{ name: 'diskUsedBytes', label: 'Disk used' }]);

/** What the broker takes in as a leader, and its log dirs' size over time. */
export function BrokerCharts({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const [range] = useMetricRange();
  const target = { scope: 'broker', brokerId } as const;
  return (
    <ChartsSection title="History" note="Traffic into the partitions this broker leads (Kafka's internal topics left out); disk = every replica in its log dirs.">
      <MetricChart clusterId={clusterId} target={target} range={range} title="Bytes in per second (led)" unit="B/s" pick={bytes} />
      <MetricChart clusterId={clusterId} target={target} range={range} title="Messages in per second (led)" unit="msg/s" pick={messages} />
      <MetricChart clusterId={clusterId} target={target} range={range} title="Disk used" unit="B" pick={disk} />
    </ChartsSection>
  );
}
