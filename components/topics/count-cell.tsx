import { formatCount } from '@/lib/format';
import { cn } from '@/lib/utils';

const TONE = {
  warn: 'font-semibold text-amber-700 dark:text-amber-400',
  bad: 'font-semibold text-red-700 dark:text-red-400',
} as const;

/** A count of problems: zero is quiet, anything else stands out in its tone. */
export function CountCell({ value, tone }: { value: number; tone: keyof typeof TONE }) {
  return <span className={cn(value === 0 ? 'text-zinc-400 dark:text-zinc-500' : TONE[tone])}>{formatCount(value)}</span>;
}
