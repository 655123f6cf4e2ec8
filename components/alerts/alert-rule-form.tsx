'use client';

import { KIND_LABELS, isGroupKind } from '@/lib/alert-rule-summary';
import type { AlertRuleFormState } from '@/lib/alert-rule-form';
import type { FormErrors } from '@/lib/form-errors';
import { ALERT_KINDS, type AlertChannel, type AlertKind } from '@/lib/schemas/alerts';
import type { ClusterSummary } from '@/lib/schemas/clusters';
import { AlertRuleConditionFields } from '@/components/alerts/alert-rule-condition-fields';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { CheckboxField } from '@/components/ui/field';
import { FormField, Input, Select } from '@/components/ui/form-field';

type Props = {
  form: AlertRuleFormState;
  errors: FormErrors;
  onChange: (changes: Partial<AlertRuleFormState>, fields: string[]) => void;
  channels: AlertChannel[];
  /** undefined while loading; the cluster id is typed when the list could not be read. */
  clusters: ClusterSummary[] | undefined;
  clustersFailed: boolean;
  /** Kind and cluster are fixed once a rule exists: a different watch is a new rule. */
  editing: boolean;
};

function PatternHint({ empty }: { empty: string }) {
  return (
    <>
      <code>*</code> any characters, <code>?</code> one; case-sensitive. Empty: {empty}.
    </>
  );
}

export function AlertRuleForm({ form, errors, onChange, channels, clusters, clustersFailed, editing }: Props) {
  // A channel the rule names but the configuration no longer has stays listed, so it can be unticked.
  const channelOptions = [
    ...channels.map((c) => ({ value: c.id, label: `${c.name} (${c.type})` })),
    ...form.channels.filter((id) => !channels.some((c) => c.id === id)).map((id) => ({ value: id, label: `${id} (not configured)` })),
  ];
  const clusterChoices = clusters ?? (form.clusterId ? [{ id: form.clusterId, name: form.clusterId }] : []);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Kind" error={errors.kind}>
          {(control) => (
            <Select
              {...control}
              disabled={editing}
              value={form.kind}
              onChange={(e) => onChange({ kind: e.target.value as AlertKind }, ['kind'])}
            >
              {ALERT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Name" error={errors.name}>
          {(control) => (
            <Input {...control} autoComplete="off" value={form.name} onChange={(e) => onChange({ name: e.target.value }, ['name'])} />
          )}
        </FormField>
        <FormField
          label="Cluster"
          hint={clusters === undefined && !clustersFailed && !editing ? 'Loading clusters…' : undefined}
          error={errors.clusterId}
        >
          {(control) =>
            clustersFailed && !editing ? (
              <Input
                {...control}
                placeholder="cluster id"
                value={form.clusterId}
                onChange={(e) => onChange({ clusterId: e.target.value }, ['clusterId'])}
              />
            ) : (
              <Select
                {...control}
                disabled={editing || clusters === undefined}
                value={form.clusterId}
                onChange={(e) => onChange({ clusterId: e.target.value }, ['clusterId'])}
              >
                {clusterChoices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name === c.id ? c.id : `${c.name} (${c.id})`}
                  </option>
                ))}
              </Select>
            )
          }
        </FormField>
      </div>
      <AlertRuleConditionFields form={form} errors={errors} onChange={onChange} />
      <div className="grid gap-3 sm:grid-cols-3">
        {isGroupKind(form.kind) ? (
          <FormField label="Group pattern" hint={<PatternHint empty="all groups" />} error={errors.groupPattern}>
            {(control) => (
              <Input
                {...control}
                spellCheck={false}
                value={form.groupPattern}
                onChange={(e) => onChange({ groupPattern: e.target.value }, ['groupPattern'])}
              />
            )}
          </FormField>
        ) : null}
        {isGroupKind(form.kind) || form.kind === 'partitions-at-risk' ? (
          <FormField
            label="Topic pattern"
            hint={<PatternHint empty={form.kind === 'partitions-at-risk' ? 'all topics' : 'every topic the group reads'} />}
            error={errors.topicPattern}
          >
            {(control) => (
              <Input
                {...control}
                spellCheck={false}
                value={form.topicPattern}
                onChange={(e) => onChange({ topicPattern: e.target.value }, ['topicPattern'])}
              />
            )}
          </FormField>
        ) : null}
        <FormField label="For how long (minutes)" hint="0: at once, at the first sampling pass that sees it." error={errors.forMinutes}>
          {(control) => (
            <Input
              {...control}
              inputMode="decimal"
              value={form.forMinutes}
              onChange={(e) => onChange({ forMinutes: e.target.value }, ['forMinutes'])}
            />
          )}
        </FormField>
      </div>
      {channelOptions.length > 0 ? (
        <CheckboxGroup
          legend="Channels"
          options={channelOptions}
          selected={form.channels}
          onChange={(selected) => onChange({ channels: selected }, ['channels'])}
          hint="None: the alert shows on this page only."
          error={errors.channels}
        />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No notification channels are configured: alerts show on this page only. Add webhooks under <code>alerts.channels</code> in the
          configuration file.
        </p>
      )}
      <CheckboxField
        label="Muted: fires and resolves here, sends nothing"
        checked={form.muted}
        onChange={(e) => onChange({ muted: e.target.checked }, ['muted'])}
      />
    </div>
  );
}
