// From one pass's observations to what changes: alerts to fire (their condition has held for the rule's
// forMinutes) and open alerts to resolve. Pure; the evaluator applies the result to the database.
import { factsReadFor, observe, type Observation, type PassFacts, type RuleWithId } from '@/server/alerts/observe';

/** An alert firing now, as stored (server/alerts/store.ts). */
export type OpenAlert = { id: number; ruleId: string; subject: string };

/** Since when each rule's subject has been active, by `${ruleId}\u0000${subject}`; kept between passes. */
export type ActiveSince = ReadonlyMap<string, number>;

export type Transitions = {
  fire: { rule: RuleWithId; observation: Observation }[];
  resolve: { alert: OpenAlert; observation: Observation | null; reason: 'cleared' | 'gone' | 'rule removed' }[];
  activeSince: Map<string, number>;
};

const keyOf = (ruleId: string, subject: string) => `${ruleId}\u0000${subject}`;

/**
 * - active: counted from the first pass that saw it; fires once it has held `forMinutes` and nothing is open;
 * - inactive: an open alert resolves, the count restarts;
 * - unknown (active null): nothing changes, the count goes on;
 * - an open alert whose subject is no longer observed although its facts were read (a group deleted, a job ended)
 *   resolves as gone; one whose rule no longer exists resolves as 'rule removed'.
 */
export function transitions({
  rules,
  facts,
  open,
  activeSince,
  now,
}: {
  rules: readonly RuleWithId[];
  facts: PassFacts;
  open: readonly OpenAlert[];
  activeSince: ActiveSince;
  now: number;
}): Transitions {
  const result: Transitions = { fire: [], resolve: [], activeSince: new Map() };
  const openByKey = new Map(open.map((alert) => [keyOf(alert.ruleId, alert.subject), alert]));
  const ruleIds = new Set(rules.map((r) => r.id));
  for (const rule of rules) {
    const seen = new Set<string>();
    for (const observation of observe(rule, facts)) {
      const key = keyOf(rule.id, observation.subject);
      seen.add(key);
      const alert = openByKey.get(key);
      if (observation.active === null) {
        const since = activeSince.get(key);
        if (since !== undefined) result.activeSince.set(key, since);
        continue;
      }
      if (!observation.active) {
        if (alert) result.resolve.push({ alert, observation, reason: 'cleared' });
        continue;
      }
      const since = activeSince.get(key) ?? now;
      result.activeSince.set(key, since);
      if (!alert && now - since >= rule.forMinutes * 60_000) result.fire.push({ rule, observation });
    }
    if (!factsReadFor(rule, facts)) {
      // Not read this pass: whatever was counting goes on.
      for (const [key, since] of activeSince) if (key.startsWith(keyOf(rule.id, ''))) result.activeSince.set(key, since);
      continue;
    }
    for (const alert of open) {
      if (alert.ruleId === rule.id && !seen.has(keyOf(alert.ruleId, alert.subject)))
        result.resolve.push({ alert, observation: null, reason: 'gone' });
    }
  }
  for (const alert of open) if (!ruleIds.has(alert.ruleId)) result.resolve.push({ alert, observation: null, reason: 'rule removed' });
  return result;
}
