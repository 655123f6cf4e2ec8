import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

type Props = {
  /** The list this page belongs to: a breadcrumb back to it. */
  back: { href: string; label: string };
  /** The heading's id: the page's <article> is labelled by it. */
  titleId: string;
  title: ReactNode;
  titleClassName?: string;
  titleTooltip?: string;
  /** Beside the title (state, warnings). */
  badges?: ReactNode;
  /** At the right (what may be done here). */
  actions?: ReactNode;
  /** Under the title row (a summary, tabs). */
  children?: ReactNode;
};

/** The head of a detail page: back to its list, the title with its badges, the actions, and what goes under. */
export function DetailHeader({ back, titleId, title, titleClassName, titleTooltip, badges, actions, children }: Props) {
  return (
    <header className="space-y-1">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
        <Link href={back.href} className="hover:underline">
          {back.label}
        </Link>{' '}
        /
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={titleId} className={cn('text-lg font-semibold', titleClassName)} title={titleTooltip}>
            {title}
          </h2>
          {badges}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
