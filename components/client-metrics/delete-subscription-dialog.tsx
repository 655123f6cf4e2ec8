'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { clientMetricsQueries } from '@/lib/queries/client-metrics';
import { apiRoutes } from '@/lib/routes';
import { deleteClientMetricsResponseSchema } from '@/lib/schemas/client-metrics';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

/** Admin only; the subscription's name typed again, checked by the server too. */
export function DeleteSubscriptionDialog({ clusterId, name, onClose }: { clusterId: string; name: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirm, setConfirm] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: () =>
      apiSend('DELETE', apiRoutes.clientMetricsSubscription(clusterId, name), { confirm }, deleteClientMetricsResponseSchema),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clientMetricsQueries.all(clusterId) });
      toast(`Subscription ${name} deleted`);
      onClose();
    },
    onError: (error: Error) => {
      const fields = error instanceof ApiError ? Object.values(error.fieldErrors ?? {}).flat() : [];
      setFailure(`Failed to delete subscription ${name}: ${fields.length ? fields.join('; ') : error.message}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    remove.mutate();
  };
  return (
    <Dialog open onClose={onClose} title={`Delete subscription ${name}`} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Matching clients stop pushing these metrics at their next subscription refresh.
      </p>
      <form onSubmit={submit} className="space-y-3">
        <FormField label="Type the subscription name to confirm">
          {(props) => (
            <Input {...props} autoComplete="off" spellCheck={false} value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          )}
        </FormField>
        <FormAlert messages={failure} />
        <DialogActions
          onCancel={onClose}
          label="Delete subscription"
          busyLabel="Deleting…"
          tone="danger"
          pending={remove.isPending}
          disabled={confirm !== name}
        />
      </form>
    </Dialog>
  );
}
