'use client';

import { useQuery } from '@tanstack/react-query';
import { FIRING_QUERY } from '@/lib/alert-events-query';
import { formatAge } from '@/lib/format';
import { alertQueries } from '@/lib/queries/alerts';
import type { AlertEvent } from '@/lib/schemas/alerts';
import { AlertSubjectLink } from '@/components/alerts/alert-subject-link';
import { DeliverySummary } from '@/components/alerts/delivery-summary';
import { QueryError } from '@/components/feedback/query-error';
import { Badge } from '@/components/ui/badge';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/** Open alerts, newest first, polled at the sampling pace. */
export function FiringAlerts() {
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(alertQueries.events(FIRING_QUERY, { live: true }));
  return (
    <section aria-labelledby="alerts-firing" className="space-y-3">
      <h2 id="alerts-firing" className="text-lg font-semibold">
        Firing now {data && data.total > 0 ? <Badge tone="bad">{data.total}</Badge> : null}
      </h2>
      {isPending ? <LoadingRows label="Loading firing alerts" rows={2} /> : null}
      {error && !data ? <QueryError what="the firing alerts" error={error} onRetry={() => void refetch()} /> : null}
      {data && data.events.length === 0 ? <EmptyState title="Nothing is firing." /> : null}
      {/* The age is measured at the last answer (not the render): server and browser render the same text. */}
      {data && data.events.length > 0 ? <FiringTable events={data.events} now={dataUpdatedAt} /> : null}
      {data && data.total > data.events.length ? (
        <p className="text-sm text-zinc-500">and {data.total - data.events.length} more: filter the history by state &quot;firing&quot;.</p>
      ) : null}
    </section>
  );
}

function FiringTable({ events, now }: { events: AlertEvent[]; now: number }) {
  return (
    <Table aria-label="Firing alerts">
      <thead>
        <tr>
          <Th>Rule</Th>
          <Th>Cluster</Th>
          <Th>Subject</Th>
          <Th>Message</Th>
          <Th>Since</Th>
          <Th>Notifications</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-rule-id={event.ruleId}>
            <Td>
              <span className="font-medium">{event.ruleName}</span>{' '}
              {event.muted ? <Badge title="The rule was muted when this fired: nothing is sent">muted</Badge> : null}
            </Td>
            <Td>{event.clusterId}</Td>
            <Td>
              <AlertSubjectLink event={event} />
            </Td>
            <Td className="max-w-md">{event.message}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={new Date(event.startedAt).toISOString()} title={new Date(event.startedAt).toISOString()}>
                {formatAge(event.startedAt, Math.max(now, event.startedAt))}
              </time>
            </Td>
            <Td>
              <DeliverySummary deliveries={event.deliveries} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
