'use client';

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatCount } from '@/lib/format';
import { brokerQueries } from '@/lib/queries/brokers';
import { Select, type ControlProps } from '@/components/ui/form-field';

/** Brokers to tick (drain, scale out), with rack and replica count to choose by; an error under them. */
export function BrokerPicker({
  clusterId,
  label,
  value,
  onChange,
  error,
}: {
  clusterId: string;
  label: string;
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string[];
}) {
  const { data, error: loadError } = useQuery(brokerQueries.list(clusterId));
  const id = useId();
  const toggle = (broker: number, on: boolean) =>
    onChange(on ? [...value, broker].sort((a, b) => a - b) : value.filter((b) => b !== broker));
  return (
    <fieldset
      className="space-y-1"
      aria-describedby={error?.length ? `${id}-error` : undefined}
      aria-invalid={error?.length ? true : undefined}
    >
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{label}</legend>
      {loadError && !data ? <p className="text-sm text-red-700 dark:text-red-400">Cannot load the brokers: {loadError.message}</p> : null}
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {data?.brokers.map((broker) => (
          <label key={broker.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-sky-700"
              checked={value.includes(broker.id)}
              onChange={(e) => toggle(broker.id, e.target.checked)}
            />
            <span>{`Broker ${broker.id}`}</span>
            <span aria-hidden="true" className="text-xs text-zinc-500 dark:text-zinc-400">
              {[broker.rack, `${formatCount(broker.replicaCount)} replicas`, broker.status === 'down' ? 'down' : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </label>
        ))}
      </div>
      {error?.length ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error.join('; ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One broker to choose (replace: from, to). */
export function BrokerSelect({
  clusterId,
  value,
  onChange,
  ...control
}: ControlProps & { clusterId: string; value: string; onChange: (id: string) => void }) {
  const { data } = useQuery(brokerQueries.list(clusterId));
  return (
    <Select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Choose a broker</option>
      {data?.brokers.map((broker) => (
        <option key={broker.id} value={broker.id}>
          {`Broker ${broker.id}${broker.rack ? ` (${broker.rack})` : ''} · ${formatCount(broker.replicaCount)} replicas`}
        </option>
      ))}
    </Select>
  );
}
