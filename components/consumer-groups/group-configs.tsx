'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isEditableConfig, isSetOn, toSetPatch } from '@/lib/config-edit-form';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { permissionQueries } from '@/lib/queries/permissions';
import { apiRoutes } from '@/lib/routes';
import type { ConfigEntry } from '@/lib/schemas/configs';
import { ConfigValue, ConfigsTable, SOURCE_LABEL } from '@/components/configs/configs-table';
import { EditConfigDialog } from '@/components/configs/edit-config-dialog';
import { QueryError } from '@/components/feedback/query-error';
import { LoadingRows } from '@/components/ui/states';

/**
 * The group's configs (Kafka 4's GROUP resource), read once; admins set a key on the group or reset it to the
 * broker's `group.*` default. On older clusters, what they would need.
 */
export function GroupConfigs({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const queryClient = useQueryClient();
  const query = groupQueries.configs(clusterId, groupId);
  const { data, error, isPending, refetch } = useQuery(query);
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  if (isPending) return <LoadingRows label="Loading group configs" />;
  if (error && !data) return <QueryError what="the group's configs" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  if (!data.supported) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Group configs need {data.requires}.</p>;
  const mayEdit = Boolean(access?.permissions.includes('manageGroups'));
  return (
    <>
      <ConfigsTable
        configs={data.configs}
        ownLabel="set on this group"
        onEdit={mayEdit ? setEditing : undefined}
        canEdit={isEditableConfig}
      />
      {editing ? (
        <EditConfigDialog
          key={editing.name}
          entry={editing}
          subject={`group ${groupId}`}
          path={apiRoutes.groupConfigs(clusterId, groupId)}
          canReset={isSetOn(editing, 'group')}
          validate={(value) => toSetPatch(editing.name, value)}
          onSaved={(configs) => {
            queryClient.setQueryData(query.queryKey, { supported: true, ...configs });
            return Promise.resolve();
          }}
          onClose={() => setEditing(null)}
        >
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Now{' '}
            <span className="font-mono text-zinc-900 dark:text-zinc-100">
              <ConfigValue config={editing} />
            </span>{' '}
            ({SOURCE_LABEL[editing.source]})
            {isSetOn(editing, 'group') ? '' : '; setting it here overrides the broker default for this group only'}.
          </p>
        </EditConfigDialog>
      ) : null}
    </>
  );
}
