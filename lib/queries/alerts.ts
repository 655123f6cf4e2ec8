import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { eventsSearch } from '@/lib/alert-events-query';
import { POLL } from '@/lib/queries/client';
import { apiRoutes } from '@/lib/routes';
import { alertEventsResponseSchema, alertRulesResponseSchema, type AlertEventsQuery } from '@/lib/schemas/alerts';

// Alerts span clusters (one page for all of them): the root is global, not cluster-scoped.
export const alertQueries = {
  all: () => ['alerts'] as const,
  /** Live: each rule's firing count moves with the sampling passes. */
  rules: () =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'rules'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.alertRules(), alertRulesResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
  /**
   * Alerts and their history, newest first. `live` polls at the sampling pace ("Firing now", the history's first
   * page); otherwise slowly, so rows do not shift under someone reading an older page.
   */
  events: (query: AlertEventsQuery, { live = false } = {}) =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'events', query] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.alertEvents(eventsSearch(query)), alertEventsResponseSchema, signal),
      placeholderData: keepPreviousData,
      refetchInterval: live ? POLL.LIVE : POLL.SLOW,
    }),
};
