'use client';

import type { AlertRuleFormState } from '@/lib/alert-rule-form';
import type { FormErrors } from '@/lib/form-errors';
import { ALERTABLE_STATUSES, AT_RISK_CONDITIONS } from '@/lib/schemas/alerts';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormField, Input, Select } from '@/components/ui/form-field';

type Props = {
  form: AlertRuleFormState;
  errors: FormErrors;
  onChange: (changes: Partial<AlertRuleFormState>, fields: string[]) => void;
};

const CONDITION_LABELS = {
  offline: 'offline (no leader)',
  'under-min-isr': 'under min ISR (producers with acks=all fail)',
  'under-replicated': 'under-replicated',
} as const;

/** The condition of the form's kind: a lag in messages, a time lag, Burrow statuses, partition conditions (or nothing). */
export function AlertRuleConditionFields({ form, errors, onChange }: Props) {
  switch (form.kind) {
    case 'group-lag':
      return (
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField
            label="Threshold (messages)"
            hint="Fires when the group's lag, summed over its partitions, is above it."
            error={errors.threshold}
          >
            {(control) => (
              <Input
                {...control}
                inputMode="numeric"
                value={form.threshold}
                onChange={(e) => onChange({ threshold: e.target.value }, ['threshold'])}
              />
            )}
          </FormField>
        </div>
      );
    case 'group-time-lag':
      return (
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField
            label="Time lag threshold"
            hint="Fires when the group's furthest-behind partition is further behind than this."
            error={errors.timeLag}
          >
            {(control) => (
              <Input
                {...control}
                inputMode="decimal"
                value={form.timeLag}
                onChange={(e) => onChange({ timeLag: e.target.value }, ['timeLag'])}
              />
            )}
          </FormField>
          <FormField label="Unit">
            {(control) => (
              <Select
                {...control}
                value={form.timeLagUnit}
                onChange={(e) => onChange({ timeLagUnit: e.target.value as 's' | 'min' }, ['timeLag'])}
              >
                <option value="s">seconds</option>
                <option value="min">minutes</option>
              </Select>
            )}
          </FormField>
        </div>
      );
    case 'group-status':
      return (
        <CheckboxGroup
          legend="Statuses"
          options={ALERTABLE_STATUSES.map((s) => ({ value: s, label: s }))}
          selected={form.statuses}
          onChange={(statuses) => onChange({ statuses }, ['statuses'])}
          hint="The group's worst partition status, as Burrow evaluates it over the sampler's window."
          error={errors.statuses}
        />
      );
    case 'partitions-at-risk':
      return (
        <CheckboxGroup
          legend="Conditions"
          options={AT_RISK_CONDITIONS.map((c) => ({ value: c, label: CONDITION_LABELS[c] }))}
          selected={form.conditions}
          onChange={(conditions) => onChange({ conditions }, ['conditions'])}
          hint="Fires while any partition is in one of them (one alert for the cluster)."
          error={errors.conditions}
        />
      );
    case 'broker-missing':
      return (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Fires for each broker seen before that is missing from the cluster.</p>
      );
    case 'reassignment-stalled':
      return <p className="text-sm text-zinc-600 dark:text-zinc-400">Fires for each reassignment job that copies nothing any more.</p>;
  }
}
