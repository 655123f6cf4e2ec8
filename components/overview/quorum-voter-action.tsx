'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { permissionQueries } from '@/lib/queries/permissions';
import type { ClusterOverview } from '@/lib/schemas/overview';
import { QuorumVoterDialog, type VoterChange } from '@/components/overview/quorum-voter-dialog';
import { Button } from '@/components/ui/button';

type Quorum = NonNullable<ClusterOverview['quorum']>;
type Replica = Quorum['voters'][number];

/** Only a dynamic quorum (KIP-853) has directory ids for its voters; a static one reports none. */
export const isDynamicQuorum = (quorum: Quorum) => quorum.voters.some((v) => v.directoryId !== null);

/**
 * The membership control of one quorum row, for those allowed to change the quorum (`manageQuorum`, admins): a
 * controller-only observer can be added as a voter, a voter removed. Brokers observe too but never vote.
 */
export function QuorumVoterAction({
  clusterId,
  quorum,
  replica,
  role,
}: {
  clusterId: string;
  quorum: Quorum;
  replica: Replica;
  role: 'voter' | 'observer';
}) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [open, setOpen] = useState<VoterChange | null>(null);
  if (!access?.permissions.includes('manageQuorum') || !isDynamicQuorum(quorum) || replica.directoryId === null) return null;
  if (role === 'observer' && !replica.controllerOnly) return null;
  const change: VoterChange = { action: role === 'voter' ? 'remove' : 'add', voterId: replica.id, directoryId: replica.directoryId };
  return (
    <>
      <Button className="px-2 py-0.5 text-xs" onClick={() => setOpen(change)}>
        {role === 'voter' ? 'Remove voter…' : 'Add as voter…'}
      </Button>
      {open ? <QuorumVoterDialog clusterId={clusterId} {...open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
