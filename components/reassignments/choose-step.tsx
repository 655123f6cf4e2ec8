'use client';

import type { FormErrors } from '@/lib/form-errors';
import { TOPICS_REQUIRED, WIZARD_MODES, type WizardForm } from '@/lib/reassign-wizard';
import { BrokerPicker, BrokerSelect } from '@/components/reassignments/broker-picker';
import { TopicPicker } from '@/components/reassignments/topic-picker';
import { FormField, Input } from '@/components/ui/form-field';

type Props = {
  clusterId: string;
  form: WizardForm;
  onChange: (changes: Partial<WizardForm>) => void;
  errors: FormErrors;
  /** The topic's replication factor now, when the wizard was opened from a topic. */
  currentReplicationFactor?: number;
};

/** The wizard's first step: the mode, and what that mode needs (brokers, topics, a replication factor, or a JSON). */
export function ChooseStep({ clusterId, form, onChange, errors, currentReplicationFactor }: Props) {
  const { mode } = form;
  return (
    <div className="space-y-4">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">What to do</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {WIZARD_MODES.map((option) => (
            <label key={option.mode} className="flex items-start gap-2 rounded p-1 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <input
                type="radio"
                name="mode"
                className="mt-0.5 accent-sky-700"
                checked={mode === option.mode}
                onChange={() => onChange({ mode: option.mode })}
              />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{option.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'drain' || mode === 'scale-out' ? (
        <BrokerPicker
          clusterId={clusterId}
          label={mode === 'drain' ? 'Brokers to empty' : 'Brokers to fill'}
          value={form.brokers}
          onChange={(brokers) => onChange({ brokers })}
          error={errors.brokers}
        />
      ) : null}
      {mode === 'replace' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Replace broker" error={errors.from}>
            {(control) => <BrokerSelect {...control} clusterId={clusterId} value={form.from} onChange={(from) => onChange({ from })} />}
          </FormField>
          <FormField label="With broker" hint="A live broker holding none of the moved partitions" error={errors.to}>
            {(control) => <BrokerSelect {...control} clusterId={clusterId} value={form.to} onChange={(to) => onChange({ to })} />}
          </FormField>
        </div>
      ) : null}
      {mode === 'replication-factor' ? (
        <FormField
          label="New replication factor"
          hint={
            currentReplicationFactor !== undefined
              ? `Now ${currentReplicationFactor}.`
              : 'Every chosen topic gets this many replicas per partition.'
          }
          error={errors.replicationFactor}
        >
          {(control) => (
            <div className="w-32">
              <Input
                {...control}
                inputMode="numeric"
                value={form.replicationFactor}
                onChange={(e) => onChange({ replicationFactor: e.target.value })}
              />
            </div>
          )}
        </FormField>
      ) : null}
      {mode === 'import' ? (
        <FormField
          label="Reassignment JSON"
          hint='As kafka-reassign-partitions takes it: {"version":1,"partitions":[{"topic":"…","partition":0,"replicas":[1,2,3]}]}. The first replica is the preferred leader.'
          error={errors.importText}
        >
          {(control) => (
            <textarea
              {...control}
              rows={6}
              spellCheck={false}
              value={form.importText}
              onChange={(e) => onChange({ importText: e.target.value })}
              className="w-full rounded border border-zinc-300 bg-white p-2 font-mono text-xs aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
            />
          )}
        </FormField>
      ) : (
        <TopicPicker
          clusterId={clusterId}
          value={form.topics}
          onChange={(topics) => onChange({ topics })}
          draft={form.topicDraft}
          onDraftChange={(topicDraft) => onChange({ topicDraft })}
          required={TOPICS_REQUIRED.includes(mode)}
          error={errors.topics}
        />
      )}
    </div>
  );
}
