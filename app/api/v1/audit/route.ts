import { auditQuerySchema } from '@/lib/schemas/audit';
import { listAudit } from '@/server/audit/store';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

/** Admins scoped to some clusters see those clusters' entries only. */
export const GET = route({ name: 'audit.list', permission: 'administer' }, async ({ url, principal }) =>
  ok(await listAudit(auditQuerySchema.parse(Object.fromEntries(url.searchParams)), principal.clusters)),
);
