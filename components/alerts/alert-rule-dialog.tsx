'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import {
  alertRuleErrors,
  alertRuleFormFromRule,
  initialAlertRuleForm,
  toAlertRuleInput,
  toAlertRulePatch,
  type AlertRuleFormState,
} from '@/lib/alert-rule-form';
import type { FormErrors } from '@/lib/form-errors';
import { alertQueries } from '@/lib/queries/alerts';
import { clusterQueries } from '@/lib/queries/clusters';
import { apiRoutes } from '@/lib/routes';
import { alertRuleSchema, type AlertChannel, type AlertRule, type AlertRulePatch, type AlertRuleSpec } from '@/lib/schemas/alerts';
import { AlertRuleForm } from '@/components/alerts/alert-rule-form';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = {
  /** The stored rule to edit; none: a new rule. */
  rule?: AlertRule;
  open: boolean;
  onClose: () => void;
  channels: AlertChannel[];
};

/**
 * The rule form in a dialog, for a new rule or an edit (kind and cluster fixed). What was typed stays after a
 * refusal, the server's field errors next to their fields; a new rule's form stays while the dialog is closed.
 */
export function AlertRuleDialog({ rule, open, onClose, channels }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  // Only a new rule chooses its cluster. Mounted with the page (closed), so the list is there when it opens.
  const clusters = useQuery({ ...clusterQueries.list(), enabled: !rule });
  const [form, setForm] = useState<AlertRuleFormState>(() => (rule ? alertRuleFormFromRule(rule) : initialAlertRuleForm));
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Until one is chosen, the first cluster of the list is meant (and shown).
  const chosen = { ...form, clusterId: form.clusterId || clusters.data?.clusters[0]?.id || '' };
  const verb = rule ? 'save' : 'create';

  const save = useMutation({
    mutationFn: (body: AlertRuleSpec | AlertRulePatch) =>
      rule
        ? apiSend('PATCH', apiRoutes.alertRule(rule.id), body, alertRuleSchema)
        : apiSend('POST', apiRoutes.alertRules(), body, alertRuleSchema),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: alertQueries.all() });
      toast(`Alert rule ${saved.name} ${rule ? 'saved' : 'created'}`);
      if (!rule) setForm(initialAlertRuleForm);
      setErrors({});
      onClose();
    },
    onError: (error: Error) => {
      const fieldErrors = alertRuleErrors(error);
      if (fieldErrors) setErrors(fieldErrors);
      else setFailure(`Failed to ${verb} alert rule ${chosen.name.trim()}: ${error.message}`);
    },
  });

  const change = (changes: Partial<AlertRuleFormState>, fields: string[]) => {
    setForm((current) => ({ ...current, ...changes }));
    // A field's old error goes once it is edited; the others stay until the next submit.
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field))));
    setFailure(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = rule ? toAlertRulePatch(chosen, rule) : toAlertRuleInput(chosen);
    if ('fieldErrors' in result) return setErrors(result.fieldErrors);
    setErrors({});
    save.mutate('patch' in result ? result.patch : result.input);
  };

  return (
    <Dialog open={open} onClose={onClose} title={rule ? `Edit alert rule ${rule.name}` : 'New alert rule'}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <AlertRuleForm
          form={chosen}
          errors={errors}
          onChange={change}
          channels={channels}
          clusters={clusters.data?.clusters}
          clustersFailed={Boolean(clusters.error && !clusters.data)}
          editing={Boolean(rule)}
        />
        <FormAlert messages={errors.request} />
        <FormAlert messages={failure} />
        {/* A new rule waits for the cluster list: its first cluster is the default choice. */}
        <DialogActions
          divided
          onCancel={onClose}
          label={rule ? 'Save rule' : 'Create rule'}
          busyLabel={rule ? 'Saving…' : 'Creating…'}
          pending={save.isPending}
          disabled={!rule && clusters.isPending}
        />
      </form>
    </Dialog>
  );
}
