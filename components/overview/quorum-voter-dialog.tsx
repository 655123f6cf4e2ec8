'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { overviewQueries } from '@/lib/queries/overview';
import { apiRoutes } from '@/lib/routes';
import { voterChangeResponseSchema, type VoterChangeResponse } from '@/lib/schemas/quorum';
import { VoterChecksList } from '@/components/overview/voter-checks-list';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

export type VoterChange = { action: 'add' | 'remove'; voterId: number; directoryId: string };

type Props = VoterChange & { clusterId: string; onClose: () => void };

/**
 * kafka-metadata-quorum add-controller / remove-controller: the server's dry run shows the preconditions as soon as
 * the dialog opens (for an add, with the endpoint Kafka's controllers list for the node: nobody types an address);
 * the change is offered only when they all hold and the node id is typed again (the server checks both too).
 */
export function QuorumVoterDialog({ clusterId, action, voterId, directoryId, onClose }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState<VoterChangeResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const verb = action === 'add' ? `add node ${voterId} as a voter` : `remove voter ${voterId}`;
  const send = (extra: { dryRun?: boolean; confirm?: string }) =>
    action === 'add'
      ? apiSend('POST', apiRoutes.quorumVoters(clusterId), { voterId, voterDirectoryId: directoryId, ...extra }, voterChangeResponseSchema)
      : apiSend('DELETE', apiRoutes.quorumVoter(clusterId, voterId, directoryId), extra, voterChangeResponseSchema);
  const fail = (e: Error) => {
    const fields = e instanceof ApiError && e.fieldErrors ? Object.values(e.fieldErrors).flat() : [];
    setFailure([`Failed to ${verb}: ${e.message}`, ...fields].join(' — '));
  };
  const check = useMutation({ mutationFn: () => send({ dryRun: true }), onSuccess: setChecked, onError: fail });
  const change = useMutation({
    mutationFn: () => send({ confirm }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: overviewQueries.all(clusterId) });
      toast(action === 'add' ? `Node ${voterId} is a voter` : `Node ${voterId} is no longer a voter`);
      onClose();
    },
    onError: fail,
  });
  const runCheck = check.mutate;
  // Neither change needs input beyond the node: its preconditions are shown as soon as the dialog opens.
  useEffect(() => {
    runCheck();
  }, [runCheck]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    change.mutate();
  };
  const allHold = checked?.checks.every((c) => c.ok) ?? false;
  return (
    <Dialog open onClose={onClose} title={action === 'add' ? `Add node ${voterId} as a voter` : `Remove voter ${voterId}`} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {action === 'add'
          ? 'The controller joins the voters of the metadata quorum (AddRaftVoter). It must be an observer with this directory id and caught up with the leader.'
          : 'The controller leaves the voters (RemoveRaftVoter) and keeps fetching as an observer while it runs. The quorum needs a majority of the remaining voters.'}{' '}
        Directory <span className="font-mono">{directoryId}</span>.
      </p>
      {checked ? <VoterChecksList checks={checked.checks} listeners={checked.listeners} /> : null}
      <form onSubmit={submit} className="space-y-3" noValidate>
        {allHold ? (
          <FormField label="Type the node id to confirm">
            {(control) => <Input {...control} autoComplete="off" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
          </FormField>
        ) : null}
        <FormAlert messages={failure} />
        <DialogActions
          onCancel={onClose}
          tone="danger"
          label={allHold ? (action === 'add' ? 'Add voter' : 'Remove voter') : 'Check preconditions'}
          busyLabel={allHold ? 'Changing the quorum…' : 'Checking…'}
          pending={check.isPending || change.isPending}
          disabled={allHold && confirm !== String(voterId)}
          onAct={allHold ? undefined : () => (setFailure(null), runCheck())}
        />
      </form>
    </Dialog>
  );
}
