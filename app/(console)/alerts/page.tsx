import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { FIRING_QUERY, historyQuery } from '@/lib/alert-events-query';
import { can } from '@/lib/schemas/auth';
import { alertQueries } from '@/lib/queries/alerts';
import { makeQueryClient } from '@/lib/queries/client';
import { listAlertEvents } from '@/server/alerts/events';
import { listAlertRules } from '@/server/alerts/rules';
import { requirePrincipal } from '@/server/auth/page-session';
import { AlertHistory } from '@/components/alerts/alert-history';
import { AlertRules } from '@/components/alerts/alert-rules';
import { FiringAlerts } from '@/components/alerts/firing-alerts';

export const metadata: Metadata = { title: 'Alerts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every role reads the alerts of the clusters it may see; only admins get the rule controls (the API checks again). */
export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePrincipal();
  const raw = Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === 'string');
  const history = historyQuery(new URLSearchParams(raw));
  const queryClient = makeQueryClient();
  // A failed prefetch is left out of the dehydrated state: the section then loads (and shows its error) in the browser.
  await Promise.all([
    queryClient.prefetchQuery({ ...alertQueries.rules(), queryFn: () => listAlertRules(principal) }),
    queryClient.prefetchQuery({ ...alertQueries.events(FIRING_QUERY), queryFn: () => listAlertEvents(FIRING_QUERY, principal) }),
    queryClient.prefetchQuery({ ...alertQueries.events(history), queryFn: () => listAlertEvents(history, principal) }),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">Alerts</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <FiringAlerts />
        <AlertRules admin={can(principal.role, 'administer')} />
        <AlertHistory />
      </HydrationBoundary>
    </div>
  );
}
