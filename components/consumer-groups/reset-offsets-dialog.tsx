'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { formFieldErrors, initialResetForm, toResetInput, type ResetFormState } from '@/lib/offset-reset-form';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { apiRoutes } from '@/lib/routes';
import { offsetResetResponseSchema, type OffsetResetInput, type OffsetResetResponse } from '@/lib/schemas/offset-reset';
import { ResetOffsetsForm, type FormErrors } from '@/components/consumer-groups/reset-offsets-form';
import { ResetPreviewTable } from '@/components/consumer-groups/reset-preview-table';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';

type Props = {
  clusterId: string;
  groupId: string;
  groupTopics: string[];
  /** False while the group has active members: nothing can be previewed or reset (the server answers 409 anyway). */
  inactive: boolean;
  /** A share group: its start offsets are reset (AlterShareGroupOffsets), with fewer strategies. */
  share?: boolean;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
};

/**
 * Strategy and scope → Preview (the server plans it, as --dry-run) → the group id typed again → Reset offsets.
 * Any change to the form discards the preview: what is reset is always what was last previewed.
 */
export function ResetOffsetsDialog({ clusterId, groupId, groupTopics, inactive, share = false, open, onClose, onDone }: Props) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ResetFormState>(initialResetForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<{ input: OffsetResetInput; result: OffsetResetResponse } | null>(null);
  const [confirm, setConfirm] = useState('');

  const showError = (action: string) => (error: Error) => {
    if (error instanceof ApiError && error.fieldErrors) setErrors(formFieldErrors(error.fieldErrors));
    else setFailure(`Failed to ${action} ${groupId}: ${error.message}`);
  };
  const preview = useMutation({
    mutationFn: (input: OffsetResetInput) =>
      apiSend('POST', apiRoutes.offsetResetPreview(clusterId, groupId), input, offsetResetResponseSchema),
    onSuccess: (result, input) => setPreviewed({ input, result }),
    onError: showError('preview the offset reset of'),
  });
  const reset = useMutation({
    mutationFn: (input: OffsetResetInput) =>
      apiSend('POST', apiRoutes.offsetReset(clusterId, groupId), { ...input, confirm }, offsetResetResponseSchema),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: groupQueries.all(clusterId) });
      setPreviewed(null);
      setConfirm('');
      onDone(`Offsets of ${groupId} reset on ${result.rows.length} partition${result.rows.length === 1 ? '' : 's'}.`);
    },
    onError: showError('reset offsets of'),
  });

  const change = (changes: Partial<ResetFormState>) => {
    setForm((current) => ({ ...current, ...changes }));
    setPreviewed(null);
    setErrors({});
    setFailure(null);
  };
  const submitPreview = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFailure(null);
    const result = toResetInput(form);
    if ('fieldErrors' in result) setErrors(result.fieldErrors);
    else preview.mutate(result.input);
  };
  const canReset = inactive && previewed !== null && previewed.result.rows.length > 0 && confirm === groupId && !reset.isPending;

  return (
    <Dialog open={open} onClose={onClose} title={`Reset offsets of ${groupId}`}>
      {!inactive ? (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-400">
          The group has active members: offsets can only be reset while it has none. Stop its consumers first.
        </p>
      ) : null}
      <form onSubmit={submitPreview} className="space-y-3">
        <ResetOffsetsForm form={form} onChange={change} errors={errors} groupTopics={groupTopics} share={share} />
        <Button type="submit" disabled={!inactive || preview.isPending}>
          {preview.isPending ? 'Previewing…' : 'Preview'}
        </Button>
      </form>
      {previewed ? (
        <section aria-label="Preview" className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <ResetPreviewTable preview={previewed.result} />
          {previewed.result.rows.length > 0 ? (
            <div className="flex flex-wrap items-end gap-3">
              <div className="space-y-1">
                <TextField
                  label="Type the group id to confirm"
                  autoComplete="off"
                  spellCheck={false}
                  value={confirm}
                  onChange={(e) => setConfirm(e.target.value)}
                />
                {errors.confirm ? <p className="text-xs text-red-700 dark:text-red-400">{errors.confirm.join('; ')}</p> : null}
              </div>
              <Button tone="danger" disabled={!canReset} onClick={() => reset.mutate(previewed.input)}>
                {reset.isPending ? 'Resetting…' : 'Reset offsets'}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
      {failure ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {failure}
        </p>
      ) : null}
    </Dialog>
  );
}
