'use client';

import type { ReactNode } from 'react';
import type { ChartLine } from '@/lib/metric-series';
import type { MetricTarget } from '@/lib/routes';
import type { MetricSeries } from '@/lib/schemas/metrics';
import { ChartsSection } from '@/components/charts/charts-section';
import { MetricChart } from '@/components/charts/metric-chart';
import { useMetricRange } from '@/components/charts/use-metric-range';

/** One chart: its title, the unit of its lines, and which of the target's series it draws. */
export type ChartSpec = { title: string; unit: string; pick: (series: readonly MetricSeries[]) => ChartLine[] };

/** A target's charts over the range in the URL, under a title with the range selector. */
export function MetricCharts({
  clusterId,
  target,
  title,
  note,
  charts,
}: {
  clusterId: string;
  target: MetricTarget;
  title: string;
  note?: ReactNode;
  charts: readonly ChartSpec[];
}) {
  const [range] = useMetricRange();
  return (
    <ChartsSection title={title} note={note}>
      {charts.map((chart) => (
        <MetricChart key={chart.title} clusterId={clusterId} target={target} range={range} {...chart} />
      ))}
    </ChartsSection>
  );
}
