import { formatCount, formatDuration } from '@/lib/format';
import type { AlertKind, AlertRuleSpec } from '@/lib/schemas/alerts';

export const KIND_LABELS: Record<AlertKind, string> = {
  'group-lag': 'Group lag',
  'group-time-lag': 'Group time lag',
  'group-status': 'Group status',
  'partitions-at-risk': 'Partitions at risk',
  'broker-missing': 'Broker missing',
  'reassignment-stalled': 'Reassignment stalled',
};

/** The group kinds: their subjects are consumer groups, scoped by group and topic patterns. */
export const isGroupKind = (kind: AlertKind) => kind === 'group-lag' || kind === 'group-time-lag' || kind === 'group-status';

/** How long the condition must hold: " for 5 min", nothing when it fires at the first pass that sees it. */
function holding(forMinutes: number) {
  return forMinutes > 0 ? ` for ${formatDuration(forMinutes * 60_000)}` : '';
}

/** What a rule watches, as a sentence fragment: "lag > 1,000 messages for 5 min", "status STALL or STOP". */
export function ruleCondition(rule: AlertRuleSpec): string {
  switch (rule.kind) {
    case 'group-lag':
      return `lag > ${formatCount(rule.threshold)} message${rule.threshold === 1 ? '' : 's'}${holding(rule.forMinutes)}`;
    case 'group-time-lag':
      return `time lag > ${formatDuration(rule.thresholdSeconds * 1000)}${holding(rule.forMinutes)}`;
    case 'group-status':
      return `status ${orList(rule.statuses)}${holding(rule.forMinutes)}`;
    case 'partitions-at-risk':
      return `${rule.conditions.join(', ')}${holding(rule.forMinutes)}`;
    case 'broker-missing':
      return `a broker missing${holding(rule.forMinutes)}`;
    case 'reassignment-stalled':
      return `a reassignment stalled${holding(rule.forMinutes)}`;
  }
}

function orList(values: readonly string[]) {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** Which groups and topics a rule looks at: "groups orders-*, topics payments.*", "all groups", "the whole cluster". */
export function ruleScope(rule: AlertRuleSpec): string {
  const topics = 'topicPattern' in rule && rule.topicPattern ? `topics ${rule.topicPattern}` : null;
  if (isGroupKind(rule.kind)) {
    const groups = 'groupPattern' in rule && rule.groupPattern ? `groups ${rule.groupPattern}` : 'all groups';
    return topics ? `${groups}, ${topics}` : groups;
  }
  if (rule.kind === 'partitions-at-risk') return topics ?? 'all topics';
  return 'the whole cluster';
}
