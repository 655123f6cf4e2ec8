import { useId, type ComponentProps, type ReactNode } from 'react';
import { control } from '@/components/ui/field';
import { cn } from '@/lib/utils';

/** What a FormField gives its control: the id its label points to, and the hint and error as its description. */
export type ControlProps = { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };

type Props = {
  label: ReactNode;
  /** The label names the control for assistive technology only (rows of a table-like form). */
  labelHidden?: boolean;
  /** Under the control: what the value means, a default, a bound. */
  hint?: ReactNode;
  /** Under the hint, in red; the control is marked invalid. */
  error?: string[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/**
 * A stacked form field: label, control, hint and error. The hint and error describe the control (aria-describedby),
 * so assistive technology reads them with it and tests find the error by the field's label.
 */
export function FormField({ label, labelHidden, hint, error, className, children }: Props) {
  const id = useId();
  const invalid = Boolean(error?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className={labelHidden ? 'sr-only' : 'block text-sm font-medium text-zinc-700 dark:text-zinc-300'}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error!.join('; ')}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(control, 'w-full aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-500', className)}
      {...props}
    />
  );
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(control, 'w-full aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-500', className)}
      {...props}
    />
  );
}

/** An error of the whole form (or of no field the form shows), announced when it appears. */
export function FormAlert({ messages }: { messages: string[] | string | null | undefined }) {
  const text = Array.isArray(messages) ? messages.join('; ') : messages;
  if (!text) return null;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {text}
    </p>
  );
}
