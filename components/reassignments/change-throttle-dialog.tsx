'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import { apiRoutes } from '@/lib/routes';
import { throttleUpdatedSchema } from '@/lib/schemas/reassignments';
import { formatRate, throttleFormFrom, throttleFromForm } from '@/lib/throttle-rate';
import { ThrottleFields, ThrottleHelp } from '@/components/reassignments/throttle-fields';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; jobId: string; current: number | null; onClose: () => void };

/** A new throttle while the job runs (the brokers' rates change at once); off removes it. */
export function ChangeThrottleDialog({ clusterId, jobId, current, onClose }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [form, setForm] = useState(() => throttleFormFrom(current));
  const [error, setError] = useState<string[] | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (throttleBytesPerSec: number | null) =>
      apiSend('PATCH', apiRoutes.reassignment(clusterId, jobId), { throttleBytesPerSec }, throttleUpdatedSchema),
    onSuccess: async ({ throttleBytesPerSec }) => {
      await queryClient.invalidateQueries({ queryKey: reassignmentQueries.all(clusterId) });
      toast(throttleBytesPerSec === null ? 'Throttle removed' : `Throttle set to ${formatRate(throttleBytesPerSec)}`);
      onClose();
    },
    onError: (e: Error) => {
      if (e instanceof ApiError && e.fieldErrors?.throttleBytesPerSec) setError(e.fieldErrors.throttleBytesPerSec);
      else setFailure(`Failed to change the throttle of the reassignment: ${e.message}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const rate = throttleFromForm(form);
    if ('error' in rate) return setError([rate.error]);
    setError(undefined);
    change.mutate(rate.value);
  };
  return (
    <Dialog open onClose={onClose} title="Change the throttle" size="md">
      <form onSubmit={submit} className="space-y-3" noValidate>
        <p className="text-sm">Now: {current === null ? 'no throttle' : formatRate(current)}.</p>
        <ThrottleFields value={form} onChange={setForm} error={error} />
        <ThrottleHelp />
        <FormAlert messages={failure} />
        <DialogActions onCancel={onClose} label="Save throttle" busyLabel="Saving…" pending={change.isPending} />
      </form>
    </Dialog>
  );
}
