'use client';

import { KIND_LABELS, ruleCondition, ruleScope } from '@/lib/alert-rule-summary';
import type { AlertChannel, AlertRule } from '@/lib/schemas/alerts';
import { MuteRuleButton } from '@/components/alerts/mute-rule-button';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';

type Props = {
  rules: AlertRule[];
  channels: AlertChannel[];
  admin: boolean;
  onEdit: (rule: AlertRule) => void;
  onDelete: (rule: AlertRule) => void;
};

export function AlertRulesTable({ rules, channels, admin, onEdit, onDelete }: Props) {
  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? id;
  return (
    <Table aria-label="Alert rules">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Cluster</Th>
          <Th>Watches</Th>
          <Th>Scope</Th>
          <Th>Channels</Th>
          <Th>Source</Th>
          <Th numeric>Firing</Th>
          {admin ? <Th>Actions</Th> : null}
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.id} data-rule-id={rule.id}>
            <Td>
              <span className="font-medium">{rule.name}</span>{' '}
              {rule.muted ? <Badge title="Alerts still fire and resolve here, but nothing is sent">muted</Badge> : null}
            </Td>
            <Td>{rule.clusterId}</Td>
            <Td>
              <span className="text-xs text-zinc-500">{KIND_LABELS[rule.kind]}:</span> {ruleCondition(rule)}
            </Td>
            <Td className="font-mono text-xs">{ruleScope(rule)}</Td>
            <Td>{rule.channels.length ? rule.channels.map(channelName).join(', ') : <span className="text-zinc-500">none</span>}</Td>
            <Td>
              {rule.source === 'config' ? (
                <Badge title="Defined in the configuration file (alerts.rules): change it there">config</Badge>
              ) : (
                <Badge tone="info" title={rule.createdBy ? `Created by ${rule.createdBy}` : undefined}>
                  UI
                </Badge>
              )}
            </Td>
            <Td numeric className={rule.firing > 0 ? 'font-medium text-red-700 dark:text-red-400' : undefined}>
              {rule.firing}
            </Td>
            {admin ? (
              <Td className="whitespace-nowrap">
                {/* Configured rules are read-only here: the configuration file is where they change (the API answers 409). */}
                {rule.source === 'database' ? (
                  <div className="flex gap-2">
                    <Button className="px-2 py-1 text-xs" aria-label={`Edit ${rule.name}`} onClick={() => onEdit(rule)}>
                      Edit…
                    </Button>
                    <MuteRuleButton rule={rule} />
                    <Button className="px-2 py-1 text-xs" aria-label={`Delete ${rule.name}`} onClick={() => onDelete(rule)}>
                      Delete…
                    </Button>
                  </div>
                ) : (
                  <span className="text-xs text-zinc-500">read-only</span>
                )}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
