'use client';

import type { TopicConfig } from '@/lib/schemas/topics';
import { Badge } from '@/components/ui/badge';
import { CheckboxField } from '@/components/ui/field';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { useUrlParams } from '@/components/ui/use-url-params';

const SOURCE_LABEL: Record<TopicConfig['source'], string> = {
  topic: 'topic override',
  'dynamic-broker': 'broker (dynamic)',
  'dynamic-default-broker': 'cluster default (dynamic)',
  'static-broker': 'broker (server.properties)',
  default: 'Kafka default',
  unknown: 'unknown',
};

/** Overrides (set on this topic) first and highlighted, then the values it inherits. */
export function TopicConfigsTable({ configs }: { configs: TopicConfig[] }) {
  const [params, update] = useUrlParams();
  const onlyOverrides = params.get('configs') === 'overrides';
  const overrides = configs.filter((c) => c.source === 'topic');
  const rows = onlyOverrides ? overrides : [...overrides, ...configs.filter((c) => c.source !== 'topic')];
  return (
    <section aria-labelledby="configs-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="configs-heading" className="font-medium">
          Configs <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">· {overrides.length} set on this topic</span>
        </h3>
        <CheckboxField label="Only overrides" checked={onlyOverrides} onChange={(event) => update({ configs: event.target.checked ? 'overrides' : null })} />
      </div>
      {rows.length === 0 ? (
        <EmptyState title={onlyOverrides ? 'No overrides' : 'No configs'}>{onlyOverrides ? 'Every value comes from the broker or Kafka’s defaults.' : null}</EmptyState>
      ) : (
        <Table aria-label="Configs">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Value</Th>
              <Th>Source</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((config) => (
              <tr key={config.name} data-config={config.name} className={config.source === 'topic' ? 'bg-sky-50 dark:bg-sky-950/40' : undefined}>
                <Td className="font-mono text-xs">{config.name}</Td>
                <Td className="max-w-md break-all font-mono text-xs">
                  {config.isSensitive ? (
                    <span className="italic text-zinc-500">hidden</span>
                  ) : config.value === null ? (
                    <span className="text-zinc-400">null</span>
                  ) : (
                    config.value
                  )}
                </Td>
                <Td>{config.source === 'topic' ? <Badge tone="info">{SOURCE_LABEL.topic}</Badge> : <span className="text-zinc-500 dark:text-zinc-400">{SOURCE_LABEL[config.source]}</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
