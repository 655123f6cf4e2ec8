'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { clientMetricsQueries } from '@/lib/queries/client-metrics';
import { permissionQueries } from '@/lib/queries/permissions';
import type { ClientMetricsSubscription } from '@/lib/schemas/client-metrics';
import { DeleteSubscriptionDialog } from '@/components/client-metrics/delete-subscription-dialog';
import { SubscriptionDialog } from '@/components/client-metrics/subscription-dialog';
import { QueryError } from '@/components/feedback/query-error';
import { Button } from '@/components/ui/button';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

type Dialog = { kind: 'create' } | { kind: 'edit'; subscription: ClientMetricsSubscription } | { kind: 'delete'; name: string } | null;

const List = ({ items, none }: { items: string[]; none: string }) =>
  items.length ? (
    <ul className="font-mono text-xs">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  ) : (
    <span className="text-xs text-zinc-500 dark:text-zinc-400">{none}</span>
  );

/**
 * The cluster's client metrics subscriptions (KIP-714), as kafka-client-metrics --describe lists them; admins create,
 * edit and delete them. On clusters without client metrics, what they would need.
 */
export function ClientMetricsTable({ clusterId }: { clusterId: string }) {
  const { data, error, isPending, refetch } = useQuery(clientMetricsQueries.list(clusterId));
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [dialog, setDialog] = useState<Dialog>(null);
  if (isPending) return <LoadingRows label="Loading client metrics subscriptions" />;
  if (error && !data) return <QueryError what="client metrics subscriptions" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  if (!data.supported) {
    return <EmptyState title="Client metrics are not available on this cluster">Requires {data.requires}.</EmptyState>;
  }
  const mayEdit = Boolean(access?.permissions.includes('manageTopics'));
  const close = () => setDialog(null);
  return (
    <section aria-label="Client metrics subscriptions" className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {data.subscriptions.length} subscriptions · clients that match push the metrics to the brokers&apos; metrics reporter
        </p>
        {mayEdit ? (
          <Button tone="primary" onClick={() => setDialog({ kind: 'create' })}>
            New subscription…
          </Button>
        ) : null}
      </div>
      {data.subscriptions.length === 0 ? (
        <EmptyState title="No client metrics subscriptions">Clients push no metrics until a subscription matches them.</EmptyState>
      ) : (
        <Table aria-label="Client metrics subscriptions">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Metrics</Th>
              <Th numeric>Interval (ms)</Th>
              <Th>Match</Th>
              {mayEdit ? <Th>Actions</Th> : null}
            </tr>
          </thead>
          <tbody>
            {data.subscriptions.map((s) => (
              <tr key={s.name} data-subscription={s.name}>
                <Td className="font-mono text-xs">{s.name}</Td>
                <Td>
                  <List items={s.metrics} none="none" />
                </Td>
                <Td numeric>{s.intervalMs.toLocaleString('en-US')}</Td>
                <Td>
                  <List items={s.match} none="every client" />
                </Td>
                {mayEdit ? (
                  <Td className="space-x-2 whitespace-nowrap">
                    <Button aria-label={`Edit ${s.name}`} onClick={() => setDialog({ kind: 'edit', subscription: s })}>
                      Edit
                    </Button>
                    <Button aria-label={`Delete ${s.name}`} tone="danger" onClick={() => setDialog({ kind: 'delete', name: s.name })}>
                      Delete
                    </Button>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {dialog?.kind === 'create' ? <SubscriptionDialog clusterId={clusterId} editing={null} onClose={close} /> : null}
      {dialog?.kind === 'edit' ? (
        <SubscriptionDialog key={dialog.subscription.name} clusterId={clusterId} editing={dialog.subscription} onClose={close} />
      ) : null}
      {dialog?.kind === 'delete' ? <DeleteSubscriptionDialog clusterId={clusterId} name={dialog.name} onClose={close} /> : null}
    </section>
  );
}
