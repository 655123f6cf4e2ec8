'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiSend } from '@/lib/api-client';
import { brokerQueries } from '@/lib/queries/brokers';
import { topicQueries } from '@/lib/queries/topics';
import { apiRoutes } from '@/lib/routes';
import { leaderElectionResponseSchema, type LeaderElectionInput } from '@/lib/schemas/reassignments';
import { ElectionResult } from '@/components/reassignments/election-result';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; scope: LeaderElectionInput; what: string; onClose: () => void };

/**
 * Preferred leader election (kafka-leader-election --election-type preferred) for a topic, a broker's partitions,
 * a job's partitions or the whole cluster: says what it does, then shows what Kafka did.
 */
export function ElectLeadersDialog({ clusterId, scope, what, onClose }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const elect = useMutation({
    mutationFn: () => apiSend('POST', apiRoutes.leaderElection(clusterId), scope, leaderElectionResponseSchema),
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: topicQueries.all(clusterId) }),
        queryClient.invalidateQueries({ queryKey: brokerQueries.all(clusterId) }),
      ]);
      toast(
        `Preferred leaders elected for ${what}: ${result.elected.length} moved, ${result.failed.length} failed`,
        result.failed.length > 0 ? 'error' : 'success',
      );
    },
    onError: (error: Error) => setFailure(`Failed to elect preferred leaders for ${what}: ${error.message}`),
  });
  return (
    <Dialog open onClose={onClose} title={`Elect preferred leaders for ${what}`} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Moves leadership of each partition back to its preferred replica (the first in its replica list) where another replica leads it now,
        as after a broker restart or a reassignment. No data is copied; clients reconnect to the new leaders. Partitions whose preferred
        replica is not in sync are left as they are.
      </p>
      {elect.data ? <ElectionResult result={elect.data} /> : null}
      <FormAlert messages={failure} />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{elect.data ? 'Done' : 'Cancel'}</Button>
        {elect.data ? null : (
          <Button tone="primary" disabled={elect.isPending} onClick={() => elect.mutate()}>
            {elect.isPending ? 'Electing…' : 'Elect preferred leaders'}
          </Button>
        )}
      </div>
    </Dialog>
  );
}
