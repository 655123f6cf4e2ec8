import { useId, type ReactNode } from 'react';
import { RangeSelector } from '@/components/charts/range-selector';

/** A titled grid of charts with the time range selector (kept in the URL) they all follow. */
export function ChartsSection({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="font-medium">
          {title}
        </h3>
        <RangeSelector />
      </div>
      {note ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{note}</p> : null}
      <div className="grid gap-3 lg:grid-cols-2">{children}</div>
    </section>
  );
}
