'use client';

import { labelLines, totalLines } from '@/lib/metric-series';
import { MetricCharts, type ChartSpec } from '@/components/charts/metric-charts';

const CHARTS: ChartSpec[] = [
  { title: 'Lag (messages)', unit: 'msg', pick: (all) => labelLines(all, 'lag', 'topic', 'All topics') },
  { title: 'Time lag', unit: 's', pick: (all) => labelLines(all, 'timeLagSeconds', 'topic', 'Largest') },
  {
    title: 'Produced vs consumed',
    unit: 'msg/s',
    pick: (all) =>
      totalLines(all, [
        { name: 'messagesInPerSec', label: 'Produced' },
        { name: 'messagesConsumedPerSec', label: 'Consumed' },
      ]),
  },
];

/** The group's backlog over time, per topic, and whether it consumes as fast as its partitions are produced to. */
export function GroupCharts({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  return (
    <MetricCharts
      clusterId={clusterId}
      target={{ scope: 'group', groupId }}
      title="History"
      note="Produced = messages a second into the partitions the group has committed on; consumed = its committed offsets' progress."
      charts={CHARTS}
    />
  );
}
