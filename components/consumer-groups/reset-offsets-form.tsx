'use client';

import type { ResetFormState } from '@/lib/offset-reset-form';
import type { ResetStrategy } from '@/lib/schemas/offset-reset';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';

const STRATEGIES: { value: ResetStrategy; label: string }[] = [
  { value: 'earliest', label: 'Earliest (log start offset)' },
  { value: 'latest', label: 'Latest (log end offset)' },
  { value: 'timestamp', label: 'Date and time' },
  { value: 'offset', label: 'Offset' },
  { value: 'shift', label: 'Shift by' },
  { value: 'copy', label: 'Copy from another group' },
];

/** What a share group's start offsets can be reset to (kafka-share-groups --reset-offsets, and an offset). */
const SHARE_STRATEGIES = new Set<ResetStrategy>(['earliest', 'latest', 'timestamp', 'offset']);

export type FormErrors = Partial<Record<string, string[]>>;

function FieldError({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return <p className="text-xs text-red-700 dark:text-red-400">{messages.join('; ')}</p>;
}

/** Strategy, its parameter and the scope, as kafka-consumer-groups --reset-offsets takes them. */
export function ResetOffsetsForm({
  form,
  onChange,
  errors,
  groupTopics,
  share = false,
}: {
  form: ResetFormState;
  onChange: (changes: Partial<ResetFormState>) => void;
  errors: FormErrors;
  /** Topics the group has committed or is assigned (ticked for a topic scope). */
  groupTopics: string[];
  /** A share group: its start offsets, without shift or copy. */
  share?: boolean;
}) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-4">
        <div className="space-y-1">
          <SelectField label="Strategy" value={form.strategy} onChange={(e) => onChange({ strategy: e.target.value as ResetStrategy })}>
            {STRATEGIES.filter((s) => !share || SHARE_STRATEGIES.has(s.value)).map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
        </div>
        {form.strategy === 'timestamp' ? (
          <div className="space-y-1">
            <TextField
              label="Date and time"
              type="datetime-local"
              step={1}
              className="w-56"
              value={form.datetime}
              onChange={(e) => onChange({ datetime: e.target.value })}
            />
            <p className="text-xs text-zinc-500">
              Your local time. The first offset at or after it; the log end where no record is that recent.
            </p>
            <FieldError messages={errors.datetime} />
          </div>
        ) : null}
        {form.strategy === 'offset' ? (
          <div className="space-y-1">
            <TextField
              label="Offset"
              inputMode="numeric"
              className="w-40"
              value={form.offset}
              onChange={(e) => onChange({ offset: e.target.value })}
            />
            <p className="text-xs text-zinc-500">Clamped to each partition&apos;s [log start, log end].</p>
            <FieldError messages={errors.offset} />
          </div>
        ) : null}
        {form.strategy === 'shift' ? (
          <div className="space-y-1">
            <TextField
              label="Shift by"
              inputMode="numeric"
              className="w-32"
              value={form.shiftBy}
              onChange={(e) => onChange({ shiftBy: e.target.value })}
            />
            <p className="text-xs text-zinc-500">Added to each committed offset (negative moves back), then clamped.</p>
            <FieldError messages={errors.shiftBy} />
          </div>
        ) : null}
        {form.strategy === 'copy' ? (
          <div className="space-y-1">
            <TextField label="From group" value={form.fromGroupId} onChange={(e) => onChange({ fromGroupId: e.target.value })} />
            <p className="text-xs text-zinc-500">Its committed offsets, clamped; partitions it has not committed are left as they are.</p>
            <FieldError messages={errors.fromGroupId} />
          </div>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm text-zinc-500 dark:text-zinc-400">Scope</legend>
        <div className="flex flex-wrap gap-4">
          {(
            [
              ['all', 'Whole group (every partition it has committed)'],
              ['topics', 'By topic'],
              ['partitions', 'By partition'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="reset-scope"
                className="accent-sky-700"
                checked={form.scope === value}
                onChange={() => onChange({ scope: value })}
              />
              {label}
            </label>
          ))}
        </div>
        {form.scope === 'topics' ? (
          <div className="space-y-2 pl-1">
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {groupTopics.map((topic) => (
                <CheckboxField
                  key={topic}
                  label={topic}
                  checked={form.topics.includes(topic)}
                  onChange={(e) =>
                    onChange({ topics: e.target.checked ? [...form.topics, topic] : form.topics.filter((t) => t !== topic) })
                  }
                />
              ))}
            </div>
            <TextField
              label="Other topics"
              placeholder="comma-separated"
              value={form.otherTopics}
              onChange={(e) => onChange({ otherTopics: e.target.value })}
            />
            <FieldError messages={errors.topics} />
          </div>
        ) : null}
        {form.scope === 'partitions' ? (
          <div className="space-y-1 pl-1">
            <TextField
              label="Partitions"
              placeholder="orders:0,1 payments:2"
              className="w-96"
              value={form.partitions}
              onChange={(e) => onChange({ partitions: e.target.value })}
            />
            <FieldError messages={errors.partitions} />
          </div>
        ) : null}
      </fieldset>
      <FieldError messages={errors.request} />
    </div>
  );
}
