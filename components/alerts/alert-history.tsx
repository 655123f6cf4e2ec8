'use client';

import { useQuery } from '@tanstack/react-query';
import { historyQuery } from '@/lib/alert-events-query';
import { alertQueries } from '@/lib/queries/alerts';
import { AlertEventsTable } from '@/components/alerts/alert-events-table';
import { AlertHistoryFilters } from '@/components/alerts/alert-history-filters';
import { QueryError } from '@/components/feedback/query-error';
import { Button } from '@/components/ui/button';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { useUrlParams } from '@/components/ui/use-url-params';

/** Every alert, newest first; filters and the page live in the URL, so a filtered view can be shared. */
export function AlertHistory() {
  const [params, update] = useUrlParams();
  const query = historyQuery(params);
  // The first page follows new alerts at the sampling pace; older pages stay put while someone reads them.
  const { data, error, isPending, refetch } = useQuery(alertQueries.events(query, { live: query.offset === 0 }));
  const rules = useQuery(alertQueries.rules());
  const filtered = Boolean(query.state || query.clusterId || query.ruleId);
  const page = (offset: number) => update({ offset: offset > 0 ? String(offset) : null });

  return (
    <section aria-labelledby="alerts-history" className="space-y-3">
      <h2 id="alerts-history" className="text-lg font-semibold">
        History
      </h2>
      <AlertHistoryFilters query={query} rules={rules.data?.rules ?? []} onChange={update} />
      {isPending ? <LoadingRows label="Loading alert history" /> : null}
      {error && !data ? <QueryError what="the alert history" error={error} onRetry={() => void refetch()} /> : null}
      {data && data.events.length === 0 && query.offset === 0 ? (
        <EmptyState title={filtered ? 'No alerts match' : 'No alerts yet'} />
      ) : null}
      {data && data.events.length === 0 && query.offset > 0 ? (
        <EmptyState title="No alerts on this page">
          <Button onClick={() => page(0)}>First page</Button>
        </EmptyState>
      ) : null}
      {data && data.events.length > 0 ? <AlertEventsTable events={data.events} /> : null}
      {data && data.events.length > 0 ? (
        <nav aria-label="Pages" className="flex items-center justify-end gap-3 text-sm text-zinc-500">
          <span>
            {query.offset + 1}–{Math.min(query.offset + query.limit, data.total)} of {data.total}
          </span>
          <Button disabled={query.offset === 0} onClick={() => page(query.offset - query.limit)}>
            Newer
          </Button>
          <Button disabled={query.offset + query.limit >= data.total} onClick={() => page(query.offset + query.limit)}>
            Older
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
