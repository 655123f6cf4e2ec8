import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

const BUTTON = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-zinc-300 disabled:text-zinc-500 dark:disabled:bg-zinc-700',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-zinc-300 disabled:text-zinc-500 dark:disabled:bg-zinc-700',
  secondary:
    'border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 disabled:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800',
} as const;

export function Button({ tone = 'secondary', className, ...props }: ComponentProps<'button'> & { tone?: keyof typeof BUTTON }) {
  return (
    <button
      type="button"
      className={cn('rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed', BUTTON[tone], className)}
      {...props}
    />
  );
}
