'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toAddPartitionsInput } from '@/lib/add-partitions-form';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { topicQueries } from '@/lib/queries/topics';
import { apiRoutes } from '@/lib/routes';
import type { AddPartitionsInput } from '@/lib/schemas/topic-admin';
import { topicDetailResponseSchema } from '@/lib/schemas/topics';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; topic: string; current: number; onClose: () => void };

/** kafka-topics --alter --partitions: a new, higher total. Mounted while open, so it starts from the count shown now. */
export function AddPartitionsDialog({ clusterId, topic, current, onClose }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [total, setTotal] = useState(String(current + 1));
  const [error, setError] = useState<string[] | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (input: AddPartitionsInput) =>
      apiSend('POST', apiRoutes.topicPartitions(clusterId, topic), input, topicDetailResponseSchema),
    onSuccess: async (detail) => {
      queryClient.setQueryData(topicQueries.detail(clusterId, topic).queryKey, { ...detail, configs: undefined });
      await queryClient.invalidateQueries({ queryKey: topicQueries.all(clusterId) });
      toast(`${topic} now has ${detail.partitions.length} partitions`);
      onClose();
    },
    onError: (e: Error) => {
      const messages = e instanceof ApiError ? Object.values(e.fieldErrors ?? {}).flat() : [];
      if (messages.length) setError(messages);
      else setFailure(`Failed to add partitions to ${topic}: ${e.message}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = toAddPartitionsInput(total, current);
    if ('error' in result) return setError([result.error]);
    setError(undefined);
    add.mutate(result.input);
  };
  return (
    <Dialog open onClose={onClose} title={`Add partitions to ${topic}`} size="md">
      <div
        role="note"
        className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
      >
        <p>
          Records with a key go to the partition chosen by hashing the key over the partition count. With more partitions, a key&apos;s new
          records may go to another partition than its earlier ones: ordering per key is not kept across the change, and compacted or keyed
          consumers see the key in two places.
        </p>
        <p>Kafka cannot remove partitions: this cannot be undone.</p>
      </div>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormField label="New partition count" hint={`Now ${current}; at least ${current + 1}.`} error={error}>
          {(control) => (
            <Input {...control} inputMode="numeric" className="w-40" value={total} onChange={(e) => setTotal(e.target.value)} />
          )}
        </FormField>
        <FormAlert messages={failure} />
        <DialogActions onCancel={onClose} label="Add partitions" busyLabel="Adding…" pending={add.isPending} />
      </form>
    </Dialog>
  );
}
