import 'server-only';
import type { AlertEventsQuery, AlertEventsResponse } from '@/lib/schemas/alerts';
import { mayAccessCluster, type Principal } from '@/server/auth/session';
import { listEvents } from '@/server/alerts/event-store';

/** The history of the clusters the principal may see; a cluster outside them filters to nothing, as if it had none. */
export async function listAlertEvents(query: AlertEventsQuery, principal: Principal): Promise<AlertEventsResponse> {
  if (query.clusterId && !mayAccessCluster(principal, query.clusterId)) return { total: 0, events: [] };
  return listEvents(query, principal.clusters);
}
