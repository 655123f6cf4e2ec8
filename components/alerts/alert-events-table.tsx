'use client';

import { formatDuration } from '@/lib/format';
import type { AlertEvent } from '@/lib/schemas/alerts';
import { AlertSubjectLink } from '@/components/alerts/alert-subject-link';
import { DeliveriesTable, DeliverySummary } from '@/components/alerts/delivery-summary';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';

const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** The history: one row per alert (a rule and subject from firing to resolved), its notifications in a details cell. */
export function AlertEventsTable({ events }: { events: AlertEvent[] }) {
  return (
    <Table aria-label="Alert history">
      <thead>
        <tr>
          <Th>Started (UTC)</Th>
          <Th>Rule</Th>
          <Th>Cluster</Th>
          <Th>Subject</Th>
          <Th>State</Th>
          <Th>Message</Th>
          <Th>Lasted</Th>
          <Th>Notifications</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-rule-id={event.ruleId} className="align-top">
            <Td className="whitespace-nowrap font-mono text-xs">{utc(event.startedAt)}</Td>
            <Td>
              {event.ruleName} {event.muted ? <Badge>muted</Badge> : null}
            </Td>
            <Td>{event.clusterId}</Td>
            <Td>
              <AlertSubjectLink event={event} />
            </Td>
            <Td>{event.state === 'firing' ? <Badge tone="bad">firing</Badge> : <Badge tone="good">resolved</Badge>}</Td>
            <Td className="max-w-md">
              {event.message}
              {event.resolution ? <p className="mt-1 text-xs text-zinc-500">Resolved: {event.resolution}</p> : null}
            </Td>
            <Td className="whitespace-nowrap" title={event.resolvedAt ? `until ${utc(event.resolvedAt)} UTC` : undefined}>
              {event.resolvedAt ? formatDuration(event.resolvedAt - event.startedAt) : 'still firing'}
            </Td>
            <Td>
              {event.deliveries.length === 0 ? (
                <DeliverySummary deliveries={event.deliveries} />
              ) : (
                <details>
                  <summary className="cursor-pointer">
                    <DeliverySummary deliveries={event.deliveries} />
                  </summary>
                  <div className="mt-2">
                    <DeliveriesTable deliveries={event.deliveries} />
                  </div>
                </details>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
