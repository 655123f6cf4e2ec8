import { useId, type ReactNode } from 'react';

export type ChartState = 'loading' | 'error' | 'collecting' | 'ready';

/**
 * A titled chart with its states: a placeholder of the chart's height while loading, the error with a retry, and
 * "collecting data" while the sampler has stored too little to draw (never a blank chart).
 */
export function ChartCard({
  title,
  state,
  error,
  children,
}: {
  title: string;
  state: ChartState;
  error?: ReactNode;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <figure
      aria-labelledby={id}
      data-state={state}
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <figcaption id={id} className="text-sm font-medium">
        {title}
      </figcaption>
      {state === 'loading' ? (
        <div role="status" aria-label={`Loading ${title}`} className="h-56 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800/70" />
      ) : state === 'error' ? (
        error
      ) : state === 'collecting' ? (
        <div
          role="status"
          className="flex h-56 items-center justify-center rounded border border-dashed border-zinc-300 px-4 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400"
        >
          Collecting data — the first points appear after two sampling passes.
        </div>
      ) : (
        <div className="h-56">{children}</div>
      )}
    </figure>
  );
}
