'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import {
  formErrorsOf,
  formOfSubscription,
  initialClientMetricsForm,
  toCreateInput,
  toUpdateInput,
  type ClientMetricsFormState,
} from '@/lib/client-metrics-form';
import { ApiError } from '@/lib/errors';
import type { FormErrors } from '@/lib/form-errors';
import { clientMetricsQueries } from '@/lib/queries/client-metrics';
import { apiRoutes } from '@/lib/routes';
import {
  CLIENT_METRICS_INTERVAL,
  CLIENT_METRICS_SELECTORS,
  clientMetricsSubscriptionSchema,
  type ClientMetricsConfigInput,
  type ClientMetricsSubscription,
  type CreateClientMetricsInput,
} from '@/lib/schemas/client-metrics';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';
import { control } from '@/components/ui/field';
import { cn } from '@/lib/utils';

type Props = {
  clusterId: string;
  /** The subscription to edit; none: a new one. */
  editing: ClientMetricsSubscription | null;
  onClose: () => void;
};

const textArea = cn(control, 'w-full font-mono aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-500');

/** Creates a subscription, or replaces one's metrics, interval and match; Kafka's refusals show on their fields. */
export function SubscriptionDialog({ clusterId, editing, onClose }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [form, setForm] = useState<ClientMetricsFormState>(editing ? formOfSubscription(editing) : initialClientMetricsForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const action = editing ? 'update' : 'create';

  const save = useMutation({
    mutationFn: (input: ClientMetricsConfigInput | CreateClientMetricsInput) => {
      const path = editing ? apiRoutes.clientMetricsSubscription(clusterId, editing.name) : apiRoutes.clientMetrics(clusterId);
      return apiSend(editing ? 'PUT' : 'POST', path, input, clientMetricsSubscriptionSchema);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: clientMetricsQueries.all(clusterId) });
      toast(`Subscription ${saved.name} ${editing ? 'updated' : 'created'}`);
      onClose();
    },
    onError: (error: Error) => {
      if (error instanceof ApiError && error.fieldErrors) setErrors(formErrorsOf(error.fieldErrors));
      else setFailure(`Failed to ${action} subscription ${form.name}: ${error.message}`);
    },
  });

  const change = (field: keyof ClientMetricsFormState, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFailure(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    // The server's schema, checked here first: a typo shows on its field without a round trip.
    const parsed = editing ? toUpdateInput(form) : toCreateInput(form);
    if ('fieldErrors' in parsed) return setErrors(parsed.fieldErrors);
    setErrors({});
    save.mutate(parsed.input);
  };

  return (
    <Dialog open onClose={onClose} title={editing ? `Edit subscription ${editing.name}` : 'New client metrics subscription'} size="md">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {editing ? null : (
          <FormField label="Name" error={errors.name}>
            {(props) => (
              <Input {...props} autoComplete="off" spellCheck={false} value={form.name} onChange={(e) => change('name', e.target.value)} />
            )}
          </FormField>
        )}
        <FormField
          label="Metrics"
          hint="Metric name prefixes, one a line (org.apache.kafka.producer.), or * for every metric; none: no metrics"
          error={errors.metrics}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              spellCheck={false}
              className={textArea}
              value={form.metrics}
              onChange={(e) => change('metrics', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Push interval (ms)"
          hint={`${CLIENT_METRICS_INTERVAL.min} to ${CLIENT_METRICS_INTERVAL.max}; Kafka's default is ${CLIENT_METRICS_INTERVAL.default}`}
          error={errors.intervalMs}
        >
          {(props) => (
            <Input {...props} inputMode="numeric" value={form.intervalMs} onChange={(e) => change('intervalMs', e.target.value)} />
          )}
        </FormField>
        <FormField
          label="Match"
          hint={`selector=regex, one a line; selectors: ${CLIENT_METRICS_SELECTORS.join(', ')}; none: every client`}
          error={errors.match}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              spellCheck={false}
              className={textArea}
              value={form.match}
              onChange={(e) => change('match', e.target.value)}
            />
          )}
        </FormField>
        <FormAlert messages={errors.request} />
        <FormAlert messages={failure} />
        <DialogActions
          divided
          onCancel={onClose}
          label={editing ? 'Save subscription' : 'Create subscription'}
          busyLabel="Saving…"
          pending={save.isPending}
        />
      </form>
    </Dialog>
  );
}
