'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isSetOn, toSetPatch } from '@/lib/config-edit-form';
import { brokerQueries } from '@/lib/queries/brokers';
import { apiRoutes } from '@/lib/routes';
import type { ConfigEntry } from '@/lib/schemas/configs';
import { ConfigValue, SOURCE_LABEL } from '@/components/configs/configs-table';
import { EditConfigDialog } from '@/components/configs/edit-config-dialog';

type Scope = 'broker' | 'cluster-default';
type Props = { clusterId: string; brokerId: number; entry: ConfigEntry; onClose: () => void };

/**
 * A dynamic broker config (kafka-configs --entity-type brokers): on this broker, or as the cluster-wide default that
 * every broker without its own value uses (--entity-default).
 */
export function EditBrokerConfigDialog({ clusterId, brokerId, entry, onClose }: Props) {
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Scope>('broker');
  const { data: clusterDefaults } = useQuery(brokerQueries.clusterDefaultConfigs(clusterId));
  const atDefault = clusterDefaults?.configs.find((c) => c.name === entry.name);
  return (
    <EditConfigDialog
      entry={entry}
      subject={scope === 'broker' ? `broker ${brokerId}` : 'all brokers'}
      path={apiRoutes.brokerConfigs(clusterId, scope === 'broker' ? brokerId : 'default')}
      canReset={scope === 'broker' ? isSetOn(entry, 'broker') : isSetOn(atDefault, 'cluster-default')}
      validate={(value) => toSetPatch(entry.name, value)}
      onSaved={() => queryClient.invalidateQueries({ queryKey: brokerQueries.all(clusterId) })}
      onClose={onClose}
    >
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Change it on</legend>
        {(
          [
            ['broker', `This broker (${brokerId})`],
            ['cluster-default', 'All brokers (cluster-wide default)'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="config-scope" className="accent-sky-700" checked={scope === value} onChange={() => setScope(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {scope === 'broker' ? (
          <>
            This broker now:{' '}
            <span className="font-mono text-zinc-900 dark:text-zinc-100">
              <ConfigValue config={entry} />
            </span>{' '}
            ({SOURCE_LABEL[entry.source]}).
          </>
        ) : (
          <>
            Cluster-wide default now:{' '}
            <span className="font-mono text-zinc-900 dark:text-zinc-100">{atDefault ? <ConfigValue config={atDefault} /> : 'not set'}</span>
            .
            {entry.source === 'dynamic-broker'
              ? ' This broker has its own value, which wins over the default: reset it on this broker to use the default.'
              : ''}
          </>
        )}
      </p>
    </EditConfigDialog>
  );
}
