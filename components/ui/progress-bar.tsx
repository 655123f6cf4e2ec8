import { cn } from '@/lib/utils';

/** A labelled bar (role progressbar): `value` of 0–100, or null for indeterminate; the text says the numbers. */
export function ProgressBar({
  label,
  value,
  text,
  tone = 'info',
}: {
  label: string;
  value: number | null;
  text: string;
  tone?: 'info' | 'good' | 'warn' | 'bad';
}) {
  const fill = { info: 'bg-sky-600', good: 'bg-emerald-600', warn: 'bg-amber-500', bad: 'bg-red-600' }[tone];
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="text-zinc-500 dark:text-zinc-400">{label}</span>
        <span className="tabular-nums">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value ?? undefined}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={cn('h-full transition-[width]', fill, value === null && 'w-1/3 animate-pulse')}
          style={value === null ? undefined : { width: `${value}%` }}
        />
      </div>
    </div>
  );
}
