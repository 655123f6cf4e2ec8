'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { hasDrawableLine, type ChartLine } from '@/lib/metric-series';
import type { MetricRangeKey } from '@/lib/metrics-range';
import { metricQueries } from '@/lib/queries/metrics';
import type { MetricTarget } from '@/lib/routes';
import type { MetricSeries } from '@/lib/schemas/metrics';
import { ChartCard } from '@/components/charts/chart-card';
import { QueryError } from '@/components/feedback/query-error';

// recharts is ~100 KB gzipped: loaded after the page is interactive, while the history's first request is in flight
// (it measures its container, so it never rendered on the server anyway). The card's own loading state covers it.
const TimeSeriesChart = dynamic(() => import('@/components/charts/time-series-chart').then((m) => m.TimeSeriesChart), {
  ssr: false,
  loading: () => (
    <div role="status" aria-label="Loading chart" className="h-full animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800/70" />
  ),
});

/**
 * One chart of a target's history: `pick` chooses its lines from the target's series. Charts of one target share
 * one query (react-query dedupes by key), so a page with four charts of a topic sends one request per poll.
 */
export function MetricChart({
  clusterId,
  target,
  range,
  title,
  unit,
  pick,
}: {
  clusterId: string;
  target: MetricTarget;
  range: MetricRangeKey;
  title: string;
  unit: string;
  pick: (series: readonly MetricSeries[]) => ChartLine[];
}) {
  const { data, error, isPending, refetch } = useQuery(metricQueries.range(clusterId, target, range));
  const lines = data ? pick(data.series) : [];
  const state = isPending ? 'loading' : error && !data ? 'error' : hasDrawableLine(lines) ? 'ready' : 'collecting';
  return (
    <ChartCard title={title} state={state} error={<QueryError what={title.toLowerCase()} error={error} onRetry={() => void refetch()} />}>
      {data ? <TimeSeriesChart lines={lines} unit={unit} from={data.from} to={data.to} /> : null}
    </ChartCard>
  );
}
