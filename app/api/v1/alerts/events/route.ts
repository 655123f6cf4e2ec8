import { alertEventsQuerySchema } from '@/lib/schemas/alerts';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { listAlertEvents } from '@/server/alerts/events';

/** Alerts firing now and their history, newest first, with each notification's delivery. */
export const GET = route({ name: 'alerts.events.list', permission: 'read' }, async ({ url, principal }) =>
  ok(await listAlertEvents(alertEventsQuerySchema.parse(Object.fromEntries(url.searchParams)), principal)),
);
