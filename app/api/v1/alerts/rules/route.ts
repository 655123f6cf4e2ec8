import { createAlertRule, listAlertRules } from '@/server/alerts/rules';
import * as endpoints from '@/server/api/endpoints/alerts';
import { route } from '@/server/http/route';

export const GET = route(endpoints.listAlertRules, async ({ principal }) => listAlertRules(principal));

export const POST = route(endpoints.createAlertRule, async ({ body, principal }) => createAlertRule(body, principal));
