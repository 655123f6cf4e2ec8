import type { ReactNode } from 'react';

export type Fact = [term: string, value: ReactNode];

// Literal class names: Tailwind only generates classes it finds written out.
const COLUMNS = { 4: 'sm:grid-cols-4', 5: 'sm:grid-cols-5' } as const;

/** A labelled list of short facts (term above value) in a grid: a detail page's summary or a plan's totals. */
export function FactList({ label, facts, columns = 4 }: { label: string; facts: readonly Fact[]; columns?: keyof typeof COLUMNS }) {
  return (
    <dl aria-label={label} className={`grid grid-cols-2 gap-x-6 gap-y-2 text-sm ${COLUMNS[columns]}`}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
