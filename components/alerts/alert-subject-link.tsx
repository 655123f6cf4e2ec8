import Link from 'next/link';
import { alertSubject } from '@/lib/alert-event-summary';
import type { AlertEvent } from '@/lib/schemas/alerts';

/** What fired, linked to the page that shows it (the group, the broker, the reassignment job, the health page). */
export function AlertSubjectLink({ event }: { event: Pick<AlertEvent, 'kind' | 'clusterId' | 'subject'> }) {
  const { label, href } = alertSubject(event);
  if (!href) return <span className="font-mono text-xs">{label}</span>;
  return (
    <Link href={href} className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400">
      {label}
    </Link>
  );
}
