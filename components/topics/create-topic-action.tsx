'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { permissionQueries } from '@/lib/queries/permissions';
import { CreateTopicDialog } from '@/components/topics/create-topic-dialog';
import { Button } from '@/components/ui/button';

/** "Create topic…" for those who may manage topics (admins, on a cluster that is not read-only); nothing for others. */
export function CreateTopicAction({ clusterId, existingNames }: { clusterId: string; existingNames: readonly string[] }) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [open, setOpen] = useState(false);
  if (!access?.permissions.includes('manageTopics')) return null;
  return (
    <>
      <Button tone="primary" onClick={() => setOpen(true)}>
        Create topic…
      </Button>
      <CreateTopicDialog clusterId={clusterId} existingNames={existingNames} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
