import { listAlertEvents } from '@/server/alerts/events';
import * as endpoints from '@/server/api/endpoints/alerts';
import { route } from '@/server/http/route';

export const GET = route(endpoints.listAlertEvents, async ({ query, principal }) => listAlertEvents(query, principal));
