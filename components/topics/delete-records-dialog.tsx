'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { deleteRecordsFieldErrors, initialPurgeRows, toDeleteRecordsInput, type PurgeRow } from '@/lib/delete-records-form';
import { ApiError } from '@/lib/errors';
import type { FormErrors } from '@/lib/form-errors';
import { formatInt64 } from '@/lib/format';
import { topicQueries } from '@/lib/queries/topics';
import { apiRoutes } from '@/lib/routes';
import { deleteRecordsResponseSchema, type DeleteRecordsInput, type DeleteRecordsResponse } from '@/lib/schemas/topic-admin';
import type { PartitionDetail } from '@/lib/schemas/topics';
import { PurgeTable } from '@/components/topics/purge-table';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; topic: string; partitions: PartitionDetail[]; onClose: () => void };

/**
 * kafka-delete-records: each chosen partition's records before an offset (by default its high watermark: all of
 * them) are deleted, and its log start offset moves there. Mounted while open, with the offsets shown when it opened.
 */
export function DeleteRecordsDialog({ clusterId, topic, partitions, onClose }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [rows, setRows] = useState<PurgeRow[]>(() => initialPurgeRows(partitions));
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<DeleteRecordsResponse | null>(null);
  const purge = useMutation({
    mutationFn: (input: DeleteRecordsInput) =>
      apiSend('POST', apiRoutes.topicRecordsDelete(clusterId, topic), input, deleteRecordsResponseSchema),
    onSuccess: async (answer) => {
      setResult(answer);
      await queryClient.invalidateQueries({ queryKey: topicQueries.all(clusterId) });
      toast(`Records deleted from ${answer.partitions.length} partition${answer.partitions.length === 1 ? '' : 's'} of ${topic}`);
    },
    onError: (e: Error, input) => {
      if (e instanceof ApiError && e.fieldErrors) setErrors(deleteRecordsFieldErrors(e.fieldErrors, input));
      else setFailure(`Failed to delete records of ${topic}: ${e.message}`);
    },
  });
  const change = (partition: number, changes: Partial<PurgeRow>) => {
    setRows((current) => current.map((r) => (r.partition === partition ? { ...r, ...changes } : r)));
    setErrors({});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = toDeleteRecordsInput(rows, confirm, topic);
    if ('fieldErrors' in checked) return setErrors(checked.fieldErrors);
    setErrors({});
    purge.mutate(checked.input);
  };
  const chooseAll = (selected: boolean) =>
    setRows((current) => current.map((r) => ({ ...r, selected: selected && r.highWatermark !== null })));

  return (
    <Dialog open onClose={onClose} title={`Delete records of ${topic}`}>
      {result ? (
        <section aria-label="Result" className="space-y-3">
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Records deleted. Each partition&apos;s log now starts at:
          </p>
          <ul aria-label="Log start offsets" className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-4">
            {result.partitions.map((p) => (
              <li key={p.partition} data-partition={p.partition}>
                Partition {p.partition}: <span className="font-medium tabular-nums">{formatInt64(p.logStartOffset)}</span>
              </li>
            ))}
          </ul>
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        </section>
      ) : (
        <form onSubmit={submit} className="space-y-3" noValidate>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The records before the offset are deleted for good; consumers positioned before it continue from the new log start. The high
            watermark deletes everything the partition holds now.
          </p>
          <div className="flex items-center gap-2 text-sm">
            <Button onClick={() => chooseAll(true)}>All partitions</Button>
            <Button onClick={() => chooseAll(false)}>None</Button>
          </div>
          <PurgeTable rows={rows} errors={errors} onChange={change} />
          <FormAlert messages={errors.partitions} />
          <FormField label="Type the topic name to confirm" error={errors.confirm}>
            {(control) => (
              <Input
                {...control}
                className="w-80"
                autoComplete="off"
                spellCheck={false}
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </FormField>
          <FormAlert messages={errors.request} />
          <FormAlert messages={failure} />
          <DialogActions
            onCancel={onClose}
            tone="danger"
            label="Delete records"
            busyLabel="Deleting…"
            pending={purge.isPending}
            disabled={confirm !== topic}
          />
        </form>
      )}
    </Dialog>
  );
}
