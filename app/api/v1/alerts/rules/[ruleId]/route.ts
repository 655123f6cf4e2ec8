import { deleteAlertRule, updateAlertRule } from '@/server/alerts/rules';
import * as endpoints from '@/server/api/endpoints/alerts';
import { route } from '@/server/http/route';

export const PATCH = route(endpoints.updateAlertRule, async ({ params, body, principal }) =>
  updateAlertRule(params.ruleId, body, principal),
);

export const DELETE = route(endpoints.deleteAlertRule, async ({ params, principal }) => {
  await deleteAlertRule(params.ruleId, principal);
  return { deleted: params.ruleId };
});
