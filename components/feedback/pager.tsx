'use client';

import { formatCount } from '@/lib/format';
import { Button } from '@/components/ui/button';

type Props = {
  /** What the rows are, for the navigation's accessible name ("Topics pages"). */
  label: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
};

/** Which rows of a server-paged list are shown, and buttons to the others; nothing when everything fits one page. */
export function Pager({ label, page, pageSize, total, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const first = Math.min(total, (page - 1) * pageSize + 1);
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={`${label} pages`} className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      <span aria-live="polite">
        {first <= last ? `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}` : `none of ${formatCount(total)}`} · page{' '}
        {formatCount(page)} of {formatCount(pages)}
      </span>
      <Button onClick={() => onPage(1)} disabled={page <= 1}>
        First
      </Button>
      <Button onClick={() => onPage(Math.min(page - 1, pages))} disabled={page <= 1}>
        Previous
      </Button>
      <Button onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next
      </Button>
      <Button onClick={() => onPage(pages)} disabled={page >= pages}>
        Last
      </Button>
    </nav>
  );
}
