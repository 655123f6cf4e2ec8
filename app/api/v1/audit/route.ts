import * as endpoints from '@/server/api/endpoints/audit';
import { listAudit } from '@/server/audit/store';
import { route } from '@/server/http/route';

export const GET = route(endpoints.listAudit, async ({ query, principal }) => listAudit(query, principal.clusters));
