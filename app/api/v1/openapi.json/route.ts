import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { openApiDocument } from '@/server/openapi/document';

export const GET = route({ name: 'openapi', permission: 'read' }, async () => ok(openApiDocument()));
