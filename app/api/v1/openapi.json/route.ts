import { openApi } from '@/server/api/endpoints/console';
import { route } from '@/server/http/route';
import { openApiDocument } from '@/server/openapi/document';

export const GET = route(openApi, async () => openApiDocument());
