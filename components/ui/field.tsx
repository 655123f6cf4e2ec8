import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/utils';

/** The look of every text input and select (labelled fields here, stacked ones in form-field). */
export const control = 'rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900';

/** A labelled text input (the label names it for assistive technology and tests). */
export function TextField({ label, className, ...props }: ComponentProps<'input'> & { label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-zinc-500 dark:text-zinc-400">{label}</span>
      <input className={cn(control, 'w-64', className)} {...props} />
    </label>
  );
}

export function CheckboxField({ label, ...props }: Omit<ComponentProps<'input'>, 'type'> & { label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" className="size-4 accent-sky-700" {...props} />
      <span>{label}</span>
    </label>
  );
}

export function SelectField({ label, children, className, ...props }: ComponentProps<'select'> & { label: string; children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-zinc-500 dark:text-zinc-400">{label}</span>
      <select className={cn(control, className)} {...props}>
        {children}
      </select>
    </label>
  );
}
