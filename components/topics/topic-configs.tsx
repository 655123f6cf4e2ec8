'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isEditableConfig, isSetOn, toSetPatch } from '@/lib/config-edit-form';
import { permissionQueries } from '@/lib/queries/permissions';
import { topicQueries } from '@/lib/queries/topics';
import { apiRoutes } from '@/lib/routes';
import type { ConfigEntry } from '@/lib/schemas/configs';
import { topicConfigSpec } from '@/lib/schemas/topic-config-catalog';
import { isInternalTopicName } from '@/lib/schemas/topic-name';
import { ConfigsSection } from '@/components/configs/configs-section';
import { ConfigValue, SOURCE_LABEL } from '@/components/configs/configs-table';
import { EditConfigDialog } from '@/components/configs/edit-config-dialog';

type Props = { clusterId: string; topic: string; internal: boolean; replicationFactor: number | undefined };

/** The topic's configs; those who may manage topics edit a key or reset it to the inherited value (not on internal topics). */
export function TopicConfigs({ clusterId, topic, internal, replicationFactor }: Props) {
  const queryClient = useQueryClient();
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  const query = topicQueries.configs(clusterId, topic);
  const mayEdit = Boolean(access?.permissions.includes('manageTopics')) && !internal && !isInternalTopicName(topic);
  return (
    <>
      <ConfigsSection
        query={query}
        ownLabel="set on this topic"
        what="the topic's configs"
        onEdit={mayEdit ? setEditing : undefined}
        canEdit={isEditableConfig}
      />
      {editing ? (
        <EditConfigDialog
          key={editing.name}
          entry={editing}
          subject={`topic ${topic}`}
          path={apiRoutes.topicConfigs(clusterId, topic)}
          help={topicConfigSpec(editing.name)?.help}
          canReset={isSetOn(editing, 'topic')}
          validate={(value) => toSetPatch(editing.name, value, { replicationFactor })}
          onSaved={async (configs) => {
            queryClient.setQueryData(query.queryKey, configs);
            // min.insync.replicas shows in the header and the partitions table too.
            await queryClient.invalidateQueries({ queryKey: topicQueries.all(clusterId) });
          }}
          onClose={() => setEditing(null)}
        >
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Now{' '}
            <span className="font-mono text-zinc-900 dark:text-zinc-100">
              <ConfigValue config={editing} />
            </span>{' '}
            ({SOURCE_LABEL[editing.source]}){isSetOn(editing, 'topic') ? '' : '; setting it here overrides that for this topic only'}.
          </p>
        </EditConfigDialog>
      ) : null}
    </>
  );
}
