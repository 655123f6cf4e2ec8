'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isEditableConfig } from '@/lib/config-edit-form';
import { isConsoleEditableBrokerConfig } from '@/lib/schemas/broker-config-catalog';
import { brokerQueries } from '@/lib/queries/brokers';
import { permissionQueries } from '@/lib/queries/permissions';
import type { ConfigEntry } from '@/lib/schemas/configs';
import { EditBrokerConfigDialog } from '@/components/brokers/edit-broker-config-dialog';
import { ConfigsSection } from '@/components/configs/configs-section';

/** The broker's configs as it reports them; admins edit the dynamic ones (Kafka refuses the read-only ones at run time). */
export function BrokerConfigs({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  const mayEdit = Boolean(access?.permissions.includes('manageTopics'));
  return (
    <>
      <ConfigsSection
        query={brokerQueries.configs(clusterId, brokerId)}
        ownLabel="set on this broker"
        what="the broker's configs"
        onEdit={mayEdit ? setEditing : undefined}
        canEdit={(entry) => isEditableConfig(entry) && isConsoleEditableBrokerConfig(entry.name)}
      />
      {editing ? (
        <EditBrokerConfigDialog
          key={editing.name}
          clusterId={clusterId}
          brokerId={brokerId}
          entry={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
