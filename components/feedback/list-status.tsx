import type { ReactNode } from 'react';
import { AsOf } from '@/components/feedback/as-of';

/**
 * The line above a list read from a cluster snapshot: what it counts (`children`), whether part of the cluster
 * could not be read, and how old the data is (stale when the latest refresh failed).
 */
export function ListStatus({
  children,
  partial = false,
  asOf,
  stale,
  live = false,
}: {
  children: ReactNode;
  partial?: boolean;
  asOf: number;
  stale: boolean;
  live?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-zinc-500 dark:text-zinc-400">
      <p aria-live={live ? 'polite' : undefined}>
        {children}
        {partial ? <span className="text-amber-600 dark:text-amber-400"> · partial: part of the cluster could not be read</span> : null}
      </p>
      <AsOf asOf={asOf} stale={stale} />
    </div>
  );
}
