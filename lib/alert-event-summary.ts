import { pageRoutes } from '@/lib/routes';
import type { AlertEvent } from '@/lib/schemas/alerts';

/** What fired, as a link to the page that shows it: the group, the broker, the reassignment job, the cluster's health. */
export function alertSubject(event: Pick<AlertEvent, 'kind' | 'clusterId' | 'subject'>): { label: string; href: string | null } {
  const { kind, clusterId, subject } = event;
  switch (kind) {
    case 'group-lag':
    case 'group-time-lag':
    case 'group-status':
      return { label: subject, href: pageRoutes.consumerGroup(clusterId, subject) };
    case 'broker-missing':
      // Broker ids are numbers; anything else would be a page that does not exist.
      return { label: `broker ${subject}`, href: /^\d+$/.test(subject) ? pageRoutes.broker(clusterId, Number(subject)) : null };
    case 'reassignment-stalled':
      return { label: `reassignment ${subject}`, href: pageRoutes.reassignment(clusterId, subject) };
    case 'partitions-at-risk':
      // One alert for the cluster as a whole (subject ''): the health page lists the partitions.
      return { label: 'partitions at risk', href: pageRoutes.health(clusterId) };
  }
}

export type DeliverySummary = {
  text: string;
  /** failed: a notification could not be sent (shown in red); muted: nothing was sent on purpose. */
  tone: 'none' | 'sent' | 'pending' | 'failed' | 'muted';
  /** Each failed channel's last error, one a line (for a title). */
  errors: string | null;
};

/** How the notifications of one transition went: "sent to 2 of 2", "sent to 1 of 2, 1 failed", "muted", "no channels". */
export function deliverySummary(deliveries: AlertEvent['deliveries'], transition: 'firing' | 'resolved' = 'firing'): DeliverySummary {
  const mine = deliveries.filter((d) => d.transition === transition);
  if (mine.length === 0) return { text: 'no channels', tone: 'none', errors: null };
  const count = (status: string) => mine.filter((d) => d.status === status).length;
  const [sent, failed, pending, muted] = [count('sent'), count('failed'), count('pending'), count('muted')];
  if (muted === mine.length) return { text: 'muted', tone: 'muted', errors: null };
  const parts = [`sent to ${sent} of ${mine.length - muted}`, failed ? `${failed} failed` : null, pending ? `${pending} pending` : null];
  const errors = mine
    .filter((d) => d.status === 'failed')
    .map((d) => `${d.channelId}: ${d.lastError ?? 'failed'}`)
    .join('\n');
  return { text: parts.filter(Boolean).join(', '), tone: failed ? 'failed' : pending ? 'pending' : 'sent', errors: errors || null };
}
