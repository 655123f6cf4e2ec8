'use client';

import type { FormErrors } from '@/lib/form-errors';
import { otherField, otherKeyField, type OtherConfigRow } from '@/lib/topic-create-form';
import { Button } from '@/components/ui/button';
import { FormField, Input } from '@/components/ui/form-field';

type Props = { rows: OtherConfigRow[]; errors: FormErrors; onChange: (rows: OtherConfigRow[]) => void };

/** Any other topic config as a name and a value; the console does not know these, Kafka checks them. */
export function OtherConfigRows({ rows, errors, onChange }: Props) {
  const update = (id: number, changes: Partial<OtherConfigRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...changes } : r)));
  const add = () => onChange([...rows, { id: Math.max(0, ...rows.map((r) => r.id)) + 1, key: '', value: '' }]);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">
        Other configs <span className="font-normal text-zinc-500 dark:text-zinc-400">· any topic config by its Kafka name</span>
      </legend>
      {rows.map((row, i) => (
        <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <FormField label={`Config ${i + 1} name`} labelHidden error={errors[otherKeyField(row.id)]}>
            {(control) => (
              <Input
                {...control}
                placeholder="e.g. message.timestamp.type"
                autoComplete="off"
                spellCheck={false}
                value={row.key}
                onChange={(e) => update(row.id, { key: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={`Config ${i + 1} value`} labelHidden error={errors[otherField(row.id)]}>
            {(control) => (
              <Input
                {...control}
                placeholder="value"
                autoComplete="off"
                spellCheck={false}
                value={row.value}
                onChange={(e) => update(row.id, { value: e.target.value })}
              />
            )}
          </FormField>
          <Button aria-label={`Remove config ${i + 1}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
            Remove
          </Button>
        </div>
      ))}
      <Button onClick={add}>Add config</Button>
    </fieldset>
  );
}
