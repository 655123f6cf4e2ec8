'use client';

import { CheckboxField, SelectField } from '@/components/ui/field';
import { SearchField } from '@/components/ui/search-field';
import { GROUP_TYPES } from '@/lib/schemas/consumer-groups';
import { MAX_TOPIC_NAME_LENGTH } from '@/lib/schemas/topic-name';

const STATES = ['Stable', 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling', 'Dead'];

type Props = {
  q: string;
  state: string;
  type: string;
  topic: string;
  lagging: boolean;
  onChange: (changes: Record<string, string | null>) => void;
};

/** Group id search, state, type, topic and "only lagging"; every filter ends up in the URL. */
export function GroupsToolbar({ q, state, type, topic, lagging, onChange }: Props) {
  return (
    <div role="search" className="flex flex-wrap items-center gap-4">
      <SearchField
        label="Search groups"
        placeholder="part of a group id"
        maxLength={255}
        value={q}
        onSearch={(text) => onChange({ q: text })}
      />
      <SelectField label="State" value={state} onChange={(event) => onChange({ state: event.target.value || null })}>
        <option value="">any</option>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <SelectField label="Type" value={type} onChange={(event) => onChange({ type: event.target.value || null })}>
        <option value="">any</option>
        {GROUP_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </SelectField>
      <SearchField
        label="Topic"
        placeholder="exact topic name"
        maxLength={MAX_TOPIC_NAME_LENGTH}
        className="w-48"
        value={topic}
        onSearch={(text) => onChange({ topic: text })}
      />
      <CheckboxField
        label="Only lagging"
        checked={lagging}
        onChange={(event) => onChange({ lagging: event.target.checked ? 'true' : null })}
      />
    </div>
  );
}
