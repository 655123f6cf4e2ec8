'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiSend } from '@/lib/api-client';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import { shortJobId } from '@/lib/reassign-job';
import { apiRoutes, pageRoutes } from '@/lib/routes';
import { jobCreatedSchema } from '@/lib/schemas/reassignments';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

const TEXT = {
  cancel: {
    title: 'Cancel the reassignment',
    body: 'Partitions still moving go back to their original replicas (what was copied to new brokers is deleted); partitions already moved stay where they are now. The throttle is removed once nothing moves any more.',
    button: 'Cancel reassignment',
    busy: 'Cancelling…',
    done: 'Cancelling the reassignment: moving partitions go back to their original replicas',
  },
  rollback: {
    title: 'Roll back the reassignment',
    body: "Starts a new reassignment that puts the job's partitions back on the replicas they had before it (its saved rollback plan), with the same throttle. It copies data again.",
    button: 'Roll back',
    busy: 'Starting…',
    done: 'Rollback started',
  },
} as const;

type Props = { clusterId: string; jobId: string; action: keyof typeof TEXT; onClose: () => void };

/** Cancel (a running job) or roll back (an ended one), after saying what happens; a rollback opens the new job. */
export function JobConfirmDialog({ clusterId, jobId, action, onClose }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const text = TEXT[action];
  const run = useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        action === 'cancel' ? apiRoutes.reassignmentCancel(clusterId, jobId) : apiRoutes.reassignmentRollback(clusterId, jobId),
        {},
        jobCreatedSchema,
      ),
    onSuccess: async (answer) => {
      await queryClient.invalidateQueries({ queryKey: reassignmentQueries.all(clusterId) });
      toast(text.done);
      onClose();
      if (action === 'rollback') router.push(pageRoutes.reassignment(clusterId, answer.jobId));
    },
    onError: (e: Error) =>
      setFailure(`Failed to ${action === 'cancel' ? 'cancel' : 'roll back'} reassignment ${shortJobId(jobId)}: ${e.message}`),
  });
  return (
    <Dialog open onClose={onClose} title={text.title} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{text.body}</p>
      <FormAlert messages={failure} />
      <DialogActions
        onCancel={onClose}
        cancelLabel="Keep it"
        tone="danger"
        label={text.button}
        busyLabel={text.busy}
        pending={run.isPending}
        onAct={() => run.mutate()}
      />
    </Dialog>
  );
}
