'use client';

import { labelLines, totalLines } from '@/lib/metric-series';
import type { MetricSeries } from '@/lib/schemas/metrics';
import { ChartsSection } from '@/components/charts/charts-section';
import { MetricChart } from '@/components/charts/metric-chart';
import { useMetricRange } from '@/components/charts/use-metric-range';

const lag = (all: readonly MetricSeries[]) => labelLines(all, 'lag', 'topic', 'All topics');
const timeLag = (all: readonly MetricSeries[]) => labelLines(all, 'timeLagSeconds', 'topic', 'Largest');
const rates = (all: readonly MetricSeries[]) =>
  totalLines(all, [
    { name: 'messagesInPerSec', label: 'Produced' },
    { name: 'messagesConsumedPerSec', label: 'Consumed' },
  ]);

/** The group's backlog over time, per topic, and whether it consumes as fast as its partitions are produced to. */
export function GroupCharts({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const [range] = useMetricRange();
  const target = { scope: 'group', groupId } as const;
  return (
    <ChartsSection title="History" note="Produced = messages a second into the partitions the group has committed on; consumed = its committed offsets' progress.">
      <MetricChart clusterId={clusterId} target={target} range={range} title="Lag (messages)" unit="msg" pick={lag} />
      <MetricChart clusterId={clusterId} target={target} range={range} title="Time lag" unit="s" pick={timeLag} />
      <MetricChart clusterId={clusterId} target={target} range={range} title="Produced vs consumed" unit="msg/s" pick={rates} />
    </ChartsSection>
  );
}
