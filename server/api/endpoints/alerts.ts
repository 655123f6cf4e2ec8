import {
  alertEventsQuerySchema,
  alertEventsResponseSchema,
  alertRuleInputSchema,
  alertRulePatchSchema,
  alertRuleSchema,
  alertRulesResponseSchema,
  deleteAlertRuleResponseSchema,
} from '@/lib/schemas/alerts';
import { endpoint } from '@/server/api/endpoint';

export const listAlertRules = endpoint({
  name: 'alerts.rules.list',
  method: 'get',
  path: '/api/v1/alerts/rules',
  summary:
    'Alert rules of the clusters the caller may see (from the configuration file, read-only, and from the database) and the configured webhook channels (ids, names and types; never their URLs)',
  tag: 'alerts',
  permission: 'read',
  response: alertRulesResponseSchema,
});

export const createAlertRule = endpoint({
  name: 'alerts.rules.create',
  method: 'post',
  path: '/api/v1/alerts/rules',
  summary:
    'Create an alert rule (admin): group lag, group time lag, group status, partitions at risk, a broker missing or a reassignment stalled, on one cluster, optionally for a group or topic name pattern',
  tag: 'alerts',
  permission: 'administer',
  body: alertRuleInputSchema,
  response: alertRuleSchema,
  status: 201,
});

export const updateAlertRule = endpoint({
  name: 'alerts.rules.update',
  method: 'patch',
  path: '/api/v1/alerts/rules/{ruleId}',
  summary:
    'Change an alert rule made in the UI (admin): mute it, its thresholds, scope, channels; a rule from the configuration file is 409',
  tag: 'alerts',
  permission: 'administer',
  body: alertRulePatchSchema,
  response: alertRuleSchema,
  errors: ['CONFLICT'],
  audit: { target: 'ruleId' },
});

export const deleteAlertRule = endpoint({
  name: 'alerts.rules.delete',
  method: 'delete',
  path: '/api/v1/alerts/rules/{ruleId}',
  summary: 'Delete an alert rule made in the UI (admin); its open alerts are closed without notifications',
  tag: 'alerts',
  permission: 'administer',
  response: deleteAlertRuleResponseSchema,
  errors: ['CONFLICT'],
  audit: { target: 'ruleId' },
});

export const listAlertEvents = endpoint({
  name: 'alerts.events.list',
  method: 'get',
  path: '/api/v1/alerts/events',
  summary: 'Alerts firing now and their history, newest first, with the delivery of every notification (state, attempts, last error)',
  tag: 'alerts',
  permission: 'read',
  query: alertEventsQuerySchema,
  response: alertEventsResponseSchema,
});
