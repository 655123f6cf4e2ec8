'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { auditQueries } from '@/lib/queries/audit';
import { apiRoutes } from '@/lib/routes';
import { AUDIT_PAGE_DEFAULT, type AuditEntry } from '@/lib/schemas/audit';
import { AuditFilters } from '@/components/audit/audit-filters';
import { QueryError } from '@/components/feedback/query-error';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

const OUTCOME_TONE: Record<string, BadgeTone> = { success: 'good', denied: 'warn', failed: 'bad', pending: 'neutral', unknown: 'warn' };

export function AuditLog() {
  const params = useSearchParams();
  const query = params.toString();
  const { data, error, isPending, refetch } = useQuery(auditQueries.list(query));
  const limit = Number(params.get('limit') ?? AUDIT_PAGE_DEFAULT);
  const offset = Number(params.get('offset') ?? 0);
  const page = (newOffset: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(Math.max(0, newOffset)));
    return `?${next.toString()}`;
  };
  const filters = new URLSearchParams(params);
  filters.delete('limit');
  filters.delete('offset');

  return (
    <section aria-label="Audit log" className="space-y-3">
      <AuditFilters />
      <div className="flex items-center justify-between text-sm text-zinc-500">
        <span>{data ? `${data.total} entr${data.total === 1 ? 'y' : 'ies'}` : ''}</span>
        <a href={apiRoutes.auditCsv(filters.toString())} className="text-sky-700 hover:underline dark:text-sky-400">
          Export CSV
        </a>
      </div>
      {isPending ? <LoadingRows label="Loading audit log" /> : null}
      {error && !data ? <QueryError what="the audit log" error={error} onRetry={() => void refetch()} /> : null}
      {data && data.entries.length === 0 ? <EmptyState title="No entries match" /> : null}
      {data && data.entries.length > 0 ? <AuditTable entries={data.entries} /> : null}
      {data ? (
        <nav aria-label="Pages" className="flex justify-end gap-3 text-sm">
          {offset > 0 ? <Link href={page(offset - limit)}>Newer</Link> : null}
          {offset + limit < data.total ? <Link href={page(offset + limit)}>Older</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Time (UTC)</Th>
          <Th>Who</Th>
          <Th>Cluster</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>Details</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-audit-action={e.action}>
            <Td className="whitespace-nowrap font-mono text-xs">{new Date(e.time).toISOString().replace('T', ' ').slice(0, 19)}</Td>
            <Td>
              {e.actor} <span className="text-xs text-zinc-500">{e.role ?? e.actorType}</span>
            </Td>
            <Td>{e.clusterId ?? '–'}</Td>
            <Td className="font-mono text-xs">{e.action}</Td>
            <Td className="max-w-48 truncate">{e.target ?? '–'}</Td>
            <Td>
              <Badge tone={OUTCOME_TONE[e.outcome] ?? 'neutral'}>{e.outcome}</Badge>{' '}
              <span className="text-xs text-zinc-500">{e.status}</span>
            </Td>
            <Td>
              <details>
                <summary className="cursor-pointer text-xs text-zinc-500">{e.errorCode ?? 'summary'}</summary>
                <pre className="mt-1 max-w-md overflow-x-auto text-xs">{JSON.stringify({ ...e.summary, ip: e.ip }, null, 2)}</pre>
              </details>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
