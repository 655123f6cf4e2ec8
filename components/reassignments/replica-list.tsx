import type { ReplicaMark } from '@/lib/plan-diff';
import { cn } from '@/lib/utils';

/**
 * Broker ids of one replica list: the preferred leader (the first) in bold, replicas the plan adds as insertions,
 * replicas it removes struck through (<ins>/<del>, so assistive technology says so too).
 */
export function ReplicaList({ marks }: { marks: ReplicaMark[] }) {
  if (marks.length === 0) return <span className="text-zinc-400">–</span>;
  return (
    <span className="font-mono tabular-nums">
      {marks.map((mark, i) => {
        const title =
          [mark.preferred ? 'preferred leader' : null, mark.change === 'kept' ? null : mark.change].filter(Boolean).join(', ') || undefined;
        const id = mark.preferred ? <strong className="font-bold text-zinc-900 dark:text-zinc-100">{mark.id}</strong> : mark.id;
        return (
          <span key={mark.id}>
            {i > 0 ? ', ' : null}
            {mark.change === 'added' ? (
              <ins
                title={title}
                className="rounded bg-emerald-100 px-0.5 text-emerald-800 no-underline dark:bg-emerald-950 dark:text-emerald-300"
              >
                {id}
              </ins>
            ) : mark.change === 'removed' ? (
              <del title={title} className="text-red-700 dark:text-red-400">
                {id}
              </del>
            ) : (
              <span title={title} className={cn(!mark.preferred && 'text-zinc-600 dark:text-zinc-300')}>
                {id}
              </span>
            )}
          </span>
        );
      })}
    </span>
  );
}

/** The legend under a table of replica lists. */
export function ReplicaLegend() {
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400">
      <strong className="font-bold text-zinc-900 dark:text-zinc-100">Bold</strong>: the preferred leader (the first replica) ·{' '}
      <ins className="rounded bg-emerald-100 px-0.5 text-emerald-800 no-underline dark:bg-emerald-950 dark:text-emerald-300">added</ins>{' '}
      replicas copy the partition&apos;s data · <del className="text-red-700 dark:text-red-400">removed</del> replicas are deleted once the
      new ones are in sync
    </p>
  );
}
