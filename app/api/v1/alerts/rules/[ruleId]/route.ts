import { alertRulePatchSchema } from '@/lib/schemas/alerts';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { deleteAlertRule, updateAlertRule } from '@/server/alerts/rules';

type Params = { ruleId: string };

/** Changes some fields (mute, thresholds, scope, channels); a rule from the configuration file is 409. */
export const PATCH = route<Params>(
  { name: 'alerts.rules.update', permission: 'administer', target: (p) => String(p.ruleId) },
  async ({ params, body, principal }) => ok(await updateAlertRule(params.ruleId, alertRulePatchSchema.parse(body), principal)),
);

/** Deletes a rule made in the UI; its open alerts are closed without notifications. */
export const DELETE = route<Params>(
  { name: 'alerts.rules.delete', permission: 'administer', target: (p) => String(p.ruleId) },
  async ({ params, principal }) => {
    await deleteAlertRule(params.ruleId, principal);
    return ok({ deleted: params.ruleId });
  },
);
