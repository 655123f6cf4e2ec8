'use client';

import type { FormErrors } from '@/lib/form-errors';
import { TOPIC_CONFIG_CATALOG } from '@/lib/schemas/topic-config-catalog';
import { catalogChoices, catalogField } from '@/lib/topic-create-form';
import { FormField, Input, Select } from '@/components/ui/form-field';

type Props = {
  values: Record<string, string>;
  /** The cluster's value of each config for a new topic: the placeholder of a blank field. */
  defaults: Record<string, string | null> | undefined;
  errors: FormErrors;
  onChange: (key: string, value: string) => void;
  /** Checked when the field is left (and again on submit). */
  onBlur: (key: string) => void;
};

/** The catalog's configs, each optional: blank keeps the cluster's default, shown as the placeholder. */
export function TopicConfigFields({ values, defaults, errors, onChange, onBlur }: Props) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">
        Configs <span className="font-normal text-zinc-500 dark:text-zinc-400">· optional: blank keeps the cluster&apos;s default</span>
      </legend>
      <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2">
        {TOPIC_CONFIG_CATALOG.map((spec) => {
          const fallback = defaults?.[spec.key] ?? null;
          const value = values[spec.key] ?? '';
          const choices = catalogChoices(spec);
          const unit = 'unit' in spec && spec.unit ? ` (${spec.unit})` : '';
          return (
            <FormField
              key={spec.key}
              label={<span className="font-mono text-xs">{spec.key}</span>}
              hint={`${spec.help}${unit}`}
              error={errors[catalogField(spec.key)]}
            >
              {(control) =>
                choices.length > 0 ? (
                  <Select {...control} value={value} onChange={(e) => onChange(spec.key, e.target.value)} onBlur={() => onBlur(spec.key)}>
                    <option value="">{fallback === null ? 'Default' : `Default (${fallback})`}</option>
                    {choices.map((choice) => (
                      <option key={choice} value={choice}>
                        {choice}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    {...control}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder={fallback ?? ''}
                    value={value}
                    onChange={(e) => onChange(spec.key, e.target.value)}
                    onBlur={() => onBlur(spec.key)}
                  />
                )
              }
            </FormField>
          );
        })}
      </div>
    </fieldset>
  );
}
