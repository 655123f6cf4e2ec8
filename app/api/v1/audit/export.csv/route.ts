import * as endpoints from '@/server/api/endpoints/audit';
import { auditCsv } from '@/server/audit/store';
import { route } from '@/server/http/route';

export const GET = route(endpoints.exportAudit, async ({ query, principal }) => {
  return new Response(await auditCsv(query, principal.clusters), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
