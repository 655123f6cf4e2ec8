'use client';

import { METRIC_RANGE_KEYS } from '@/lib/metrics-range';
import { cn } from '@/lib/utils';
import { useMetricRange } from '@/components/charts/use-metric-range';

/** A segmented control of the time ranges; the pressed one is the URL's `?range=`. */
export function RangeSelector() {
  const [range, setRange] = useMetricRange();
  return (
    <div
      role="group"
      aria-label="Time range"
      className="inline-flex overflow-hidden rounded border border-zinc-300 text-sm dark:border-zinc-700"
    >
      {METRIC_RANGE_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          aria-pressed={key === range}
          onClick={() => setRange(key)}
          className={cn(
            'border-l border-zinc-300 px-2.5 py-1 first:border-l-0 dark:border-zinc-700',
            key === range
              ? 'bg-sky-700 font-medium text-white'
              : 'bg-white text-zinc-700 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800',
          )}
        >
          {key}
        </button>
      ))}
    </div>
  );
}
