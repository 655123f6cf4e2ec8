'use client';

import { useDeferredValue } from 'react';
import type { ConfigEntry, ConfigSource } from '@/lib/schemas/configs';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CheckboxField, TextField } from '@/components/ui/field';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { useUrlParams } from '@/components/ui/use-url-params';

export const SOURCE_LABEL: Record<ConfigSource, string> = {
  topic: 'topic override',
  'dynamic-broker': 'dynamic (this broker)',
  'dynamic-default-broker': 'dynamic (cluster default)',
  'static-broker': 'static (server.properties)',
  group: 'group override',
  default: 'Kafka default',
  unknown: 'unknown',
};

type Props = {
  configs: ConfigEntry[];
  /** What "set here" means for the resource: "set on this topic", "set on this broker". */
  ownLabel: string;
  /** Given (for those who may change configs): an Edit button on each row `canEdit` accepts. */
  onEdit?: (config: ConfigEntry) => void;
  canEdit?: (config: ConfigEntry) => boolean;
};

export function ConfigValue({ config }: { config: ConfigEntry }) {
  if (config.isSensitive) return <span className="italic text-zinc-500">hidden (sensitive)</span>;
  if (config.value === null) return <span className="text-zinc-400">null</span>;
  return <>{config.value}</>;
}

/**
 * Configs with where each value comes from: values set on the resource itself first and highlighted, then the
 * inherited ones. The filter and "only set here" live in the URL (`configQ`, `configs=set`).
 */
export function ConfigsTable({ configs, ownLabel, onEdit, canEdit = () => true }: Props) {
  const [params, update] = useUrlParams();
  const onlyOwn = params.get('configs') === 'set';
  const needle = useDeferredValue(params.get('configQ') ?? '').toLowerCase();
  const own = configs.filter((c) => !c.isDefault);
  const rows = [...own, ...(onlyOwn ? [] : configs.filter((c) => c.isDefault))].filter(
    (c) => !needle || c.name.toLowerCase().includes(needle),
  );
  return (
    <section aria-labelledby="configs-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="configs-heading" className="font-medium">
          Configs{' '}
          <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">
            · {own.length} {ownLabel}
          </span>
        </h3>
        <div className="flex flex-wrap items-center gap-4">
          <TextField
            label="Filter configs"
            type="search"
            value={params.get('configQ') ?? ''}
            onChange={(event) => update({ configQ: event.target.value || null })}
          />
          <CheckboxField
            label={`Only ${ownLabel}`}
            checked={onlyOwn}
            onChange={(event) => update({ configs: event.target.checked ? 'set' : null })}
          />
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No configs match">{onlyOwn && !needle ? 'Every value comes from a default.' : null}</EmptyState>
      ) : (
        <Table aria-label="Configs">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Value</Th>
              <Th>Source</Th>
              {onEdit ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((config) => (
              <tr key={config.name} data-config={config.name} className={config.isDefault ? undefined : 'bg-sky-50 dark:bg-sky-950/40'}>
                <Td className="font-mono text-xs">
                  {config.name}
                  {config.isReadOnly ? (
                    <span className="ml-1 text-[10px] uppercase text-zinc-400" title="Kafka does not allow changing it while running">
                      read-only
                    </span>
                  ) : null}
                </Td>
                <Td className="max-w-md break-all font-mono text-xs">
                  <ConfigValue config={config} />
                </Td>
                <Td>
                  {config.isDefault ? (
                    <span className="text-zinc-500 dark:text-zinc-400">{SOURCE_LABEL[config.source]}</span>
                  ) : (
                    <Badge tone="info">{SOURCE_LABEL[config.source]}</Badge>
                  )}
                </Td>
                {onEdit ? (
                  <Td className="w-px whitespace-nowrap text-right">
                    {canEdit(config) ? (
                      <Button className="px-2 py-0.5 text-xs" aria-label={`Edit ${config.name}`} onClick={() => onEdit(config)}>
                        Edit
                      </Button>
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
