'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { apiRoutes, pageRoutes } from '@/lib/routes';
import { deleteGroupOffsetsResponseSchema, deleteGroupResponseSchema } from '@/lib/schemas/offset-reset';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';

type Props = {
  clusterId: string;
  groupId: string;
  /** `group`: delete the whole group (kafka-consumer-groups --delete); `offsets`: its offsets for one topic (--delete-offsets). */
  mode: 'group' | 'offsets';
  /** A share group: its start offsets for the topic are deleted (kafka-share-groups --delete-offsets). */
  share?: boolean;
  groupTopics: string[];
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
};

/** Admin only; the group id typed again, checked by the server too. A deleted group leaves the page for the groups list. */
export function DeleteGroupDialog({ clusterId, groupId, mode, share = false, groupTopics, open, onClose, onDone }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [topic, setTopic] = useState('');
  const [confirm, setConfirm] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const chosenTopic = topic || groupTopics[0] || '';
  const remove = useMutation({
    mutationFn: async () => {
      if (mode === 'group') return apiSend('DELETE', apiRoutes.consumerGroup(clusterId, groupId), { confirm }, deleteGroupResponseSchema);
      return apiSend('DELETE', apiRoutes.groupOffsets(clusterId, groupId, chosenTopic), { confirm }, deleteGroupOffsetsResponseSchema);
    },
    onSuccess: async () => {
      setConfirm('');
      if (mode === 'group') {
        // The page would answer 404 now: leave it before the group queries refetch.
        router.push(pageRoutes.consumerGroups(clusterId));
        queryClient.removeQueries({ queryKey: groupQueries.detail(clusterId, groupId).queryKey });
        await queryClient.invalidateQueries({ queryKey: groupQueries.all(clusterId) });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: groupQueries.all(clusterId) });
      onDone(`Offsets of ${groupId} for topic ${chosenTopic} deleted.`);
    },
    onError: (error: Error) => {
      const fields = error instanceof ApiError ? Object.values(error.fieldErrors ?? {}).flat() : [];
      const action = mode === 'group' ? 'delete group' : `delete the offsets for ${chosenTopic} of`;
      setFailure(`Failed to ${action} ${groupId}: ${fields.length ? fields.join('; ') : error.message}`);
    },
  });
  const title = mode === 'group' ? `Delete group ${groupId}` : `Delete offsets of ${groupId} for a topic`;
  return (
    <Dialog open={open} onClose={onClose} title={title} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {mode === 'group'
          ? 'Deletes the group and all its committed offsets. Kafka refuses while it has active members.'
          : share
            ? 'Deletes the start offsets of every partition of the topic: consumers joining later start from share.auto.offset.reset. Kafka refuses while the group has members.'
            : 'Deletes the committed offsets of every partition of the topic. Kafka refuses while an active member is subscribed to it.'}
      </p>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setFailure(null);
          remove.mutate();
        }}
      >
        {mode === 'offsets' ? (
          <SelectField label="Topic" value={chosenTopic} onChange={(e) => setTopic(e.target.value)}>
            {groupTopics.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label="Type the group id to confirm"
          autoComplete="off"
          spellCheck={false}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <Button type="submit" tone="danger" disabled={confirm !== groupId || remove.isPending || (mode === 'offsets' && !chosenTopic)}>
          {mode === 'group' ? 'Delete group' : 'Delete offsets'}
        </Button>
      </form>
      {failure ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {failure}
        </p>
      ) : null}
    </Dialog>
  );
}
