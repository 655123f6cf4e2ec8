import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

type Props = {
  onCancel: () => void;
  cancelLabel?: string;
  /** The act button's label, and what it says while `pending` (it is disabled meanwhile). */
  label: string;
  busyLabel: string;
  pending: boolean;
  /** Disabled for another reason too: a confirmation not typed yet, a choice not made. */
  disabled?: boolean;
  tone?: 'primary' | 'danger';
  /** Without it the act button submits the dialog's form (its checks and Enter in a field run the same path). */
  onAct?: () => void;
  /** Set apart from the form above by a rule (long forms). */
  divided?: boolean;
  /** Buttons before Cancel, e.g. "Reset to default". */
  children?: ReactNode;
};

/** A dialog's footer: Cancel, then the one button that acts. */
export function DialogActions({
  onCancel,
  cancelLabel = 'Cancel',
  label,
  busyLabel,
  pending,
  disabled = false,
  tone = 'primary',
  onAct,
  divided = false,
  children,
}: Props) {
  return (
    <div className={cn('flex flex-wrap justify-end gap-2', divided && 'border-t border-zinc-200 pt-3 dark:border-zinc-800')}>
      {children}
      <Button onClick={onCancel}>{cancelLabel}</Button>
      <Button type={onAct ? 'button' : 'submit'} tone={tone} disabled={disabled || pending} onClick={onAct}>
        {pending ? busyLabel : label}
      </Button>
    </div>
  );
}
