import { useId, type ReactNode } from 'react';
import { CheckboxField } from '@/components/ui/field';

type Option<T extends string> = { value: T; label: string };

/** Several choices of one field: a fieldset named by its legend, with a hint and an error like a FormField. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  hint,
  error,
}: {
  legend: string;
  options: readonly Option<T>[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  hint?: ReactNode;
  error?: string[];
}) {
  const id = useId();
  const invalid = Boolean(error?.length);
  // Ticking keeps the options' order, whatever order they were ticked in.
  const toggle = (value: T, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset
      className="space-y-1"
      aria-describedby={[hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
    >
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            label={option.label}
            checked={selected.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
        ))}
      </div>
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
    </fieldset>
  );
}
