import 'server-only';
import { ApiError, zodFieldErrors } from '@/lib/errors';
import {
  alertRuleInputSchema,
  type AlertRule,
  type AlertRulePatch,
  type AlertRuleSpec,
  type AlertRulesResponse,
} from '@/lib/schemas/alerts';
import type { Principal } from '@/server/auth/session';
import { mayAccessCluster } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';
import type { ConsoleConfig } from '@/server/config/schema';
import { firingCounts, openAlerts, resolveAlert } from '@/server/alerts/event-store';
import type { RuleWithId } from '@/server/alerts/observe';
import {
  deleteStoredRule,
  findStoredRule,
  insertStoredRule,
  listStoredRules,
  updateStoredRule,
  type StoredRule,
} from '@/server/alerts/rule-store';

type Sourced = (RuleWithId & { source: 'config' }) | (StoredRule & { source: 'database' });

const fromConfig = (config: ConsoleConfig): Sourced[] => config.alerts.rules.map((rule) => ({ ...rule, source: 'config' as const }));

/** Every rule, the configuration's first (their ids are the configured ones; stored rules have UUIDs). */
async function allRules(): Promise<Sourced[]> {
  return [...fromConfig(getConfig()), ...(await listStoredRules()).map((rule) => ({ ...rule, source: 'database' as const }))];
}

/** The rules the evaluator runs for one cluster. */
export async function rulesForCluster(clusterId: string): Promise<RuleWithId[]> {
  return (await allRules()).filter((rule) => rule.clusterId === clusterId);
}

/** The rule's own fields, without what the store or the config adds. */
function specOf(
  rule: RuleWithId & Partial<Pick<StoredRule, 'createdBy' | 'createdAt' | 'updatedAt'>> & { source?: string },
): AlertRuleSpec {
  const { id: _id, source: _source, createdBy: _by, createdAt: _at, updatedAt: _up, ...spec } = rule;
  return spec;
}

function toApi(rule: Sourced, firing: Map<string, number>): AlertRule {
  const stored =
    rule.source === 'database'
      ? { createdBy: rule.createdBy, createdAt: rule.createdAt, updatedAt: rule.updatedAt }
      : { createdBy: null, createdAt: null, updatedAt: null };
  return { ...specOf(rule), id: rule.id, source: rule.source, ...stored, firing: firing.get(rule.id) ?? 0 };
}

/** The rules of the clusters the principal may see, and the configured channels (names and types; never URLs). */
export async function listAlertRules(principal: Principal): Promise<AlertRulesResponse> {
  const [rules, firing] = await Promise.all([allRules(), firingCounts()]);
  return {
    rules: rules.filter((r) => mayAccessCluster(principal, r.clusterId)).map((r) => toApi(r, firing)),
    channels: getConfig().alerts.channels.map((c) => ({ id: c.id, name: c.name ?? c.id, type: c.type })),
  };
}

/** A rule must watch a cluster the principal may see and notify configured channels only. */
function checkSpec(spec: AlertRuleSpec, principal: Principal) {
  const config = getConfig();
  if (!config.clusters.some((c) => c.id === spec.clusterId) || !mayAccessCluster(principal, spec.clusterId)) {
    throw new ApiError('VALIDATION', `Cluster "${spec.clusterId}" does not exist`, { fieldErrors: { clusterId: ['unknown cluster'] } });
  }
  const unknown = spec.channels.filter((id) => !config.alerts.channels.some((c) => c.id === id));
  if (unknown.length)
    throw new ApiError('VALIDATION', `Unknown channel ${unknown.join(', ')}`, {
      fieldErrors: { channels: unknown.map((id) => `"${id}" is not a configured channel`) },
    });
}

export async function createAlertRule(input: AlertRuleSpec, principal: Principal): Promise<AlertRule> {
  checkSpec(input, principal);
  return toApi({ ...(await insertStoredRule(input, principal.name)), source: 'database' }, new Map());
}

/** A stored rule the principal may see; a configured one is refused: the configuration file is where it changes. */
async function editable(ruleId: string, principal: Principal): Promise<StoredRule> {
  if (getConfig().alerts.rules.some((r) => r.id === ruleId)) {
    throw new ApiError('CONFLICT', `Rule "${ruleId}" is defined in the configuration file: change it there`);
  }
  const rule = await findStoredRule(ruleId);
  if (!rule || !mayAccessCluster(principal, rule.clusterId)) throw new ApiError('NOT_FOUND', `Alert rule "${ruleId}" does not exist`);
  return rule;
}

/** Merges the patch into the stored rule and checks the result as a whole (a field of another kind is refused). */
export async function updateAlertRule(ruleId: string, patch: AlertRulePatch, principal: Principal): Promise<AlertRule> {
  const current = await editable(ruleId, principal);
  const merged: Record<string, unknown> = { ...specOf(current), ...patch };
  for (const key of ['groupPattern', 'topicPattern'] as const) if (patch[key] === null) delete merged[key];
  const parsed = alertRuleInputSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ApiError('VALIDATION', `The rule would not be valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
      fieldErrors: zodFieldErrors(parsed.error, 'rule'),
    });
  }
  checkSpec(parsed.data, principal);
  const updated = await updateStoredRule(ruleId, parsed.data);
  if (!updated) throw new ApiError('NOT_FOUND', `Alert rule "${ruleId}" does not exist`);
  return toApi({ ...updated, source: 'database' }, await firingCounts());
}

/** Deletes the rule; its open alerts are closed without notifications (there is no rule left to speak for). */
export async function deleteAlertRule(ruleId: string, principal: Principal): Promise<void> {
  const rule = await editable(ruleId, principal);
  await deleteStoredRule(ruleId);
  const now = Date.now();
  for (const alert of (await openAlerts(rule.clusterId)).filter((a) => a.ruleId === ruleId)) {
    await resolveAlert({ alertId: alert.id, resolution: 'The rule was deleted', now, notify: null });
  }
}
