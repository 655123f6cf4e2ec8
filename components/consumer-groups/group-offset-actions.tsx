'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isInactive } from '@/lib/offset-reset-form';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { permissionQueries } from '@/lib/queries/permissions';
import { DeleteGroupDialog } from '@/components/consumer-groups/delete-group-dialog';
import { ResetOffsetsDialog } from '@/components/consumer-groups/reset-offsets-dialog';
import { Button } from '@/components/ui/button';

type Open = 'reset' | 'delete-group' | 'delete-offsets' | null;

/**
 * The group page's offset operations, by role: operators and admins reset offsets, admins delete offsets and the
 * group; viewers see none of them. Reset and delete are disabled, with the reason, while the group has members.
 * Reads the group detail already on the page (same query key: no extra request).
 */
export function GroupOffsetActions({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const { data: group } = useQuery(groupQueries.detail(clusterId, groupId));
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!access || !group) return null;
  // A share group is deleted as any group (DeleteGroups); its start offsets are reset and deleted with their own APIs.
  const share = group.type === 'share';
  const mayReset = access.permissions.includes('resetOffsets');
  const mayDelete = access.permissions.includes('manageGroups');
  if (!mayReset && !mayDelete) {
    return access.readOnly && access.role !== 'viewer' ? (
      <p className="text-xs text-zinc-500">Read-only cluster: offsets cannot be changed here.</p>
    ) : null;
  }
  const inactive = isInactive(group.state, group.members.length);
  const topics = [...new Set(group.offsets.map((r) => r.topic))].sort();
  const why = inactive
    ? undefined
    : `The group has ${group.members.length} active member${group.members.length === 1 ? '' : 's'} (${group.state}): stop its consumers first`;
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
  };
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {done ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {done}
        </p>
      ) : null}
      {!inactive ? <p className="text-xs text-zinc-500">{why}</p> : null}
      {mayReset ? (
        <Button disabled={!inactive} title={why} onClick={() => (setDone(null), setOpen('reset'))}>
          {share ? 'Reset start offsets…' : 'Reset offsets…'}
        </Button>
      ) : null}
      {mayDelete ? (
        <>
          <Button
            disabled={topics.length === 0 || (share && !inactive)}
            title={share ? why : undefined}
            onClick={() => (setDone(null), setOpen('delete-offsets'))}
          >
            {share ? 'Delete start offsets…' : 'Delete offsets…'}
          </Button>
          <Button tone="danger" disabled={!inactive} title={why} onClick={() => (setDone(null), setOpen('delete-group'))}>
            Delete group…
          </Button>
        </>
      ) : null}
      {mayReset ? (
        <ResetOffsetsDialog
          clusterId={clusterId}
          groupId={groupId}
          groupTopics={topics}
          inactive={inactive}
          share={share}
          open={open === 'reset'}
          onClose={() => setOpen(null)}
          onDone={finish}
        />
      ) : null}
      {mayDelete ? (
        <DeleteGroupDialog
          clusterId={clusterId}
          groupId={groupId}
          mode={open === 'delete-group' ? 'group' : 'offsets'}
          share={share}
          groupTopics={topics}
          open={open === 'delete-group' || open === 'delete-offsets'}
          onClose={() => setOpen(null)}
          onDone={finish}
        />
      ) : null}
    </div>
  );
}
