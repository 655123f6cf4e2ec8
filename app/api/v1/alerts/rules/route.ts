import { alertRuleInputSchema } from '@/lib/schemas/alerts';
import { created, ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { createAlertRule, listAlertRules } from '@/server/alerts/rules';

/** The rules of the clusters the caller may see (from the configuration and the database) and the channels. */
export const GET = route({ name: 'alerts.rules.list', permission: 'read' }, async ({ principal }) => ok(await listAlertRules(principal)));

export const POST = route({ name: 'alerts.rules.create', permission: 'administer' }, async ({ body, principal }) =>
  created(await createAlertRule(alertRuleInputSchema.parse(body), principal)),
);
