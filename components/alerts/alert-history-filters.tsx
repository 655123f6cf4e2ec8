'use client';

import type { AlertEventsQuery, AlertRule } from '@/lib/schemas/alerts';
import { SelectField } from '@/components/ui/field';

type Props = {
  query: AlertEventsQuery;
  /** For the choices: the rules' clusters and names (a filter from a shared link stays choosable even if unknown here). */
  rules: AlertRule[];
  onChange: (changes: Record<string, string | null>) => void;
};

/** State, cluster and rule; each change applies at once and goes back to the first page. */
export function AlertHistoryFilters({ query, rules, onChange }: Props) {
  const clusters = [...new Set([...rules.map((r) => r.clusterId), ...(query.clusterId ? [query.clusterId] : [])])].sort();
  const ruleChoices = [
    ...rules.map((r) => ({ id: r.id, name: r.name })),
    ...(query.ruleId && !rules.some((r) => r.id === query.ruleId) ? [{ id: query.ruleId, name: query.ruleId }] : []),
  ];
  const set = (key: string) => (event: { target: { value: string } }) => onChange({ [key]: event.target.value || null, offset: null });
  return (
    <div role="group" aria-label="History filters" className="flex flex-wrap items-center gap-4">
      <SelectField label="State" value={query.state ?? ''} onChange={set('state')}>
        <option value="">any</option>
        <option value="firing">firing</option>
        <option value="resolved">resolved</option>
      </SelectField>
      <SelectField label="Cluster" value={query.clusterId ?? ''} onChange={set('clusterId')}>
        <option value="">any</option>
        {clusters.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </SelectField>
      <SelectField label="Rule" value={query.ruleId ?? ''} onChange={set('ruleId')}>
        <option value="">any</option>
        {ruleChoices.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
