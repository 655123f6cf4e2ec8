'use client';

import type { FormErrors } from '@/lib/form-errors';
import type { TopicDefaultsResponse } from '@/lib/schemas/topic-admin';
import { countText, type CreateTopicFormState } from '@/lib/topic-create-form';
import { OtherConfigRows } from '@/components/topics/other-config-rows';
import { TopicConfigFields } from '@/components/topics/topic-config-fields';
import { FormField, Input } from '@/components/ui/form-field';

type Props = {
  form: CreateTopicFormState;
  defaults: TopicDefaultsResponse | undefined;
  errors: FormErrors;
  /** The name's problem as typed (rules, an existing or colliding topic), before any submit. */
  nameProblem: string | null;
  onChange: (changes: Partial<CreateTopicFormState>, fields: string[]) => void;
  onConfigBlur: (key: string) => void;
};

/** Name, partitions and replication factor (prefilled with the cluster's defaults), then the configs. */
export function CreateTopicForm({ form, defaults, errors, nameProblem, onChange, onConfigBlur }: Props) {
  const live = defaults?.liveBrokers;
  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <FormField
          label="Name"
          hint='ASCII letters, digits, ".", "_" and "-"'
          error={errors.name ?? (nameProblem ? [nameProblem] : undefined)}
        >
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              spellCheck={false}
              value={form.name}
              onChange={(e) => onChange({ name: e.target.value }, ['name'])}
            />
          )}
        </FormField>
        <FormField label="Partitions" hint={defaults ? `Cluster default: ${defaults.partitions}` : undefined} error={errors.partitions}>
          {(control) => (
            <Input
              {...control}
              inputMode="numeric"
              value={countText(form.partitions, defaults?.partitions)}
              onChange={(e) => onChange({ partitions: e.target.value }, ['partitions'])}
            />
          )}
        </FormField>
        <FormField
          label="Replication factor"
          hint={live === undefined ? undefined : `≤ ${live} live broker${live === 1 ? '' : 's'}`}
          error={errors.replicationFactor}
        >
          {(control) => (
            <Input
              {...control}
              inputMode="numeric"
              value={countText(form.replicationFactor, defaults?.replicationFactor)}
              onChange={(e) => onChange({ replicationFactor: e.target.value }, ['replicationFactor'])}
            />
          )}
        </FormField>
      </div>
      <TopicConfigFields
        values={form.configs}
        defaults={defaults?.configs}
        errors={errors}
        onChange={(key, value) => onChange({ configs: { ...form.configs, [key]: value } }, [`configs.${key}`])}
        onBlur={onConfigBlur}
      />
      <OtherConfigRows rows={form.other} errors={errors} onChange={(other) => onChange({ other }, ['other'])} />
    </div>
  );
}
