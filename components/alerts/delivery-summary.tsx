import { deliverySummary } from '@/lib/alert-event-summary';
import type { AlertEvent } from '@/lib/schemas/alerts';
import { cn } from '@/lib/utils';
import { Table, Td, Th } from '@/components/ui/table';

const TONE = {
  none: 'text-zinc-500',
  sent: 'text-zinc-700 dark:text-zinc-300',
  pending: 'text-amber-700 dark:text-amber-400',
  failed: 'text-red-700 dark:text-red-400',
  muted: 'text-zinc-500',
} as const;

/** "sent to 2 of 2"; failures in red, their last errors in the title. */
export function DeliverySummary({
  deliveries,
  transition = 'firing',
}: {
  deliveries: AlertEvent['deliveries'];
  transition?: 'firing' | 'resolved';
}) {
  const summary = deliverySummary(deliveries, transition);
  return (
    <span className={cn('text-xs', TONE[summary.tone])} title={summary.errors ?? undefined}>
      {summary.text}
    </span>
  );
}

const time = (ms: number | null) => (ms === null ? '–' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19));

/** Every notification of an alert: one row per channel and transition (firing, then resolved). */
export function DeliveriesTable({ deliveries }: { deliveries: AlertEvent['deliveries'] }) {
  if (deliveries.length === 0) return <p className="text-xs text-zinc-500">No channels: nothing was sent.</p>;
  return (
    <Table aria-label="Notifications" className="text-xs">
      <thead>
        <tr>
          <Th>Channel</Th>
          <Th>Transition</Th>
          <Th>Status</Th>
          <Th numeric>Attempts</Th>
          <Th>Last attempt (UTC)</Th>
          <Th>Last error</Th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={`${d.channelId}-${d.transition}`}>
            <Td className="font-mono">{d.channelId}</Td>
            <Td>{d.transition}</Td>
            <Td className={d.status === 'failed' ? 'text-red-700 dark:text-red-400' : undefined}>{d.status}</Td>
            <Td numeric>{d.attempts}</Td>
            <Td className="whitespace-nowrap font-mono">{time(d.sentAt ?? d.lastAttemptAt)}</Td>
            <Td className="max-w-64 break-words">{d.lastError ?? '–'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
