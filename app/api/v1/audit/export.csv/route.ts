import { auditQuerySchema } from '@/lib/schemas/audit';
import { auditCsv } from '@/server/audit/store';
import { route } from '@/server/http/route';

export const GET = route({ name: 'audit.export', permission: 'administer' }, async ({ url, principal }) => {
  const { limit: _limit, offset: _offset, ...filter } = auditQuerySchema.parse(Object.fromEntries(url.searchParams));
  return new Response(await auditCsv(filter, principal.clusters), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
