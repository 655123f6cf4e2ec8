'use client';

import { useCallback } from 'react';
import { DEFAULT_METRIC_RANGE, parseMetricRange, type MetricRangeKey } from '@/lib/metrics-range';
import { useUrlParams } from '@/components/ui/use-url-params';

/** The charts' time range, kept in `?range=` so a view can be bookmarked and shared; the default leaves the URL bare. */
export function useMetricRange() {
  const [params, update] = useUrlParams();
  const range = parseMetricRange(params.get('range'));
  const setRange = useCallback((next: MetricRangeKey) => update({ range: next === DEFAULT_METRIC_RANGE ? null : next }), [update]);
  return [range, setRange] as const;
}
