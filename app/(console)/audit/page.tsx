import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { can } from '@/lib/schemas/auth';
import { auditQuerySchema } from '@/lib/schemas/audit';
import { auditQueries } from '@/lib/queries/audit';
import { makeQueryClient } from '@/lib/queries/client';
import { requirePrincipal } from '@/server/auth/page-session';
import { listAudit } from '@/server/audit/store';
import { recordPageDenial } from '@/server/http/audit-request';
import { AuditLog } from '@/components/audit/audit-log';
import { ErrorState } from '@/components/ui/states';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!can(principal.role, 'administer')) {
    await recordPageDenial(principal, 'audit.view', '/audit');
    return <ErrorState title="Not allowed" message="The audit log is for admins." />;
  }
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = new URLSearchParams(raw).toString();
  const queryClient = makeQueryClient();
  if (parsed.success)
    await queryClient.prefetchQuery({ ...auditQueries.list(query), queryFn: () => listAudit(parsed.data, principal.clusters) });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditLog />
      </HydrationBoundary>
    </div>
  );
}
