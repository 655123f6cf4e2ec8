import Link from 'next/link';
import type { ReactNode } from 'react';

/** A labelled figure in a card (use inside a <dl>); `tone` colours a problem, `href` makes the card a link to it. */
export function Stat({
  label,
  value,
  tone,
  href,
  hint,
}: {
  label: string;
  value: ReactNode;
  tone?: 'bad' | 'warn';
  href?: string;
  hint?: string;
}) {
  const color = tone === 'bad' ? 'text-red-700 dark:text-red-400' : tone === 'warn' ? 'text-amber-700 dark:text-amber-400' : '';
  const body = (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" title={hint}>
      <dt className="text-xs uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tabular-nums ${color}`}>{value}</dd>
    </div>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}
