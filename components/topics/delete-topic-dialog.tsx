'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { topicQueries } from '@/lib/queries/topics';
import { apiRoutes, pageRoutes } from '@/lib/routes';
import { deleteTopicResponseSchema } from '@/lib/schemas/topic-admin';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; topic: string; onClose: () => void };

/** kafka-topics --delete, with the topic name typed again (the server checks it too); then back to the topics list. */
export function DeleteTopicDialog({ clusterId, topic, onClose }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string[] | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: () => apiSend('DELETE', apiRoutes.topic(clusterId, topic), { confirm }, deleteTopicResponseSchema),
    onSuccess: () => {
      // Stale, not refetched: the page still showing the topic would only get 404s until the list replaces it.
      void queryClient.invalidateQueries({ queryKey: topicQueries.all(clusterId), refetchType: 'none' });
      toast(`Topic ${topic} deleted`);
      onClose();
      router.push(pageRoutes.topics(clusterId));
    },
    onError: (e: Error) => {
      if (e instanceof ApiError && e.fieldErrors?.confirm) setError(e.fieldErrors.confirm);
      else setFailure(`Failed to delete topic ${topic}: ${e.message}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    remove.mutate();
  };
  return (
    <Dialog open onClose={onClose} title={`Delete topic ${topic}`} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Deletes the topic, all its partitions and records, and the consumer groups&apos; offsets for it. This cannot be undone. Producers
        that still write to it may create it again if the cluster allows auto-creation.
      </p>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormField label="Type the topic name to confirm" error={error}>
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              spellCheck={false}
              value={confirm}
              onChange={(e) => {
                setConfirm(e.target.value);
                setError(undefined);
              }}
            />
          )}
        </FormField>
        <FormAlert messages={failure} />
        <DialogActions
          onCancel={onClose}
          tone="danger"
          label="Delete topic"
          busyLabel="Deleting…"
          pending={remove.isPending}
          disabled={confirm !== topic}
        />
      </form>
    </Dialog>
  );
}
