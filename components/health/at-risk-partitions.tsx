'use client';

import { useQuery } from '@tanstack/react-query';
import { healthQueries } from '@/lib/queries/health';
import { ListStatus } from '@/components/feedback/list-status';
import { QueryError } from '@/components/feedback/query-error';
import { RISK_REASONS, type RiskReason } from '@/components/health/risk-reason';
import { AtRiskTable } from '@/components/health/at-risk-table';
import { SelectField } from '@/components/ui/field';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { useUrlParams } from '@/components/ui/use-url-params';

const isReason = (value: string | null): value is RiskReason => RISK_REASONS.includes(value as RiskReason);

/** The cluster's at-risk partitions, worst first; the reason filter and the sort live in the URL. */
export function AtRiskPartitions({ clusterId }: { clusterId: string }) {
  const [params, update] = useUrlParams();
  const { data, error, isPending, refetch } = useQuery(healthQueries.partitions(clusterId));
  const reasonParam = params.get('reason');
  const reason = isReason(reasonParam) ? reasonParam : null;

  if (isPending) return <LoadingRows label="Loading partition health" />;
  if (error && !data) return <QueryError what="partition health" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;

  const counts = new Map(RISK_REASONS.map((r) => [r, data.partitions.filter((p) => p.reasons.includes(r)).length]));
  const rows = reason ? data.partitions.filter((p) => p.reasons.includes(reason)) : data.partitions;
  const topics = new Set(data.partitions.map((p) => p.topic)).size;

  return (
    <section aria-label="At-risk partitions" className="space-y-3">
      <ListStatus partial={data.partial} asOf={data.asOf} stale={Boolean(error)}>
        {data.partitions.length} at-risk partition{data.partitions.length === 1 ? '' : 's'}
        {data.partitions.length ? ` in ${topics} topic${topics === 1 ? '' : 's'}` : ''}
      </ListStatus>
      {data.partitions.length === 0 ? (
        <EmptyState title="All partitions are healthy">
          Every partition has a leader, its preferred one, and all replicas in sync.
        </EmptyState>
      ) : (
        <>
          <SelectField label="Reason" value={reason ?? ''} onChange={(event) => update({ reason: event.target.value || null })}>
            <option value="">all reasons ({data.partitions.length})</option>
            {RISK_REASONS.map((r) => (
              <option key={r} value={r}>
                {r} ({counts.get(r) ?? 0})
              </option>
            ))}
          </SelectField>
          {rows.length === 0 ? (
            <EmptyState title={`No partition is ${reason}`}>Other partitions are at risk for other reasons.</EmptyState>
          ) : (
            <AtRiskTable clusterId={clusterId} rows={rows} sort={params.get('sort')} onSort={(sort) => update({ sort })} />
          )}
        </>
      )}
    </section>
  );
}
