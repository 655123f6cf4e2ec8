// What each rule sees in one sampling pass: an observation per subject (a group, a broker, a job, or '' for the
// cluster), active when its condition holds. Pure: the evaluator gathers the facts, transitions.ts decides.
import type { AlertRuleSpec } from '@/lib/schemas/alerts';
import type { GroupType, LagStatus } from '@/lib/schemas/consumer-groups';
import { matchesPattern } from '@/server/glob';
import { largestTimeLag } from '@/server/lag/time-lag';

export type RuleWithId = AlertRuleSpec & { id: string };

export type GroupFacts = {
  groupId: string;
  type: GroupType;
  rows: readonly { topic: string; partition: number; lag: number | null; timeLagMs: number | null; status: LagStatus | null }[];
};

/** What a pass read; null where that part was not read (a rule of that kind then observes nothing). */
export type PassFacts = {
  groups: readonly GroupFacts[] | null;
  atRisk: readonly { topic: string; partition: number; reasons: readonly string[] }[] | null;
  brokers: readonly { id: number; host: string; port: number; up: boolean }[] | null;
  reassignments: readonly { jobId: string; stalled: boolean; partitions: number }[] | null;
};

/** `active` null: the pass cannot tell (no lag known, no status yet): an alert neither fires nor resolves on it. */
export type Observation = { subject: string; active: boolean | null; value: number | null; message: string };

const count = new Intl.NumberFormat('en-US');
const STATUS_ORDER: readonly LagStatus[] = ['OK', 'WARN', 'REWIND', 'STALL', 'STOP'];

function seconds(value: number) {
  if (value < 120) return `${count.format(Math.round(value))} s`;
  if (value < 7_200) return `${count.format(Math.round(value / 60))} min`;
  return `${(value / 3_600).toFixed(1)} h`;
}

// Classic and KIP-848 groups are both consumer groups to their users (kafka-consumer-groups lists both).
const GROUP_NOUNS: Record<GroupType, string> = {
  classic: 'Consumer group',
  consumer: 'Consumer group',
  share: 'Share group',
  streams: 'Streams group',
};

const onTopics = (pattern: string | undefined) => (pattern ? ` on topics ${pattern}` : '');

function observeGroups(rule: RuleWithId & { groupPattern?: string; topicPattern?: string }, groups: readonly GroupFacts[]): Observation[] {
  const observations: Observation[] = [];
  for (const group of groups) {
    if (!matchesPattern(rule.groupPattern, group.groupId)) continue;
    const rows = group.rows.filter((r) => matchesPattern(rule.topicPattern, r.topic));
    if (rows.length === 0) continue;
    const who = `${GROUP_NOUNS[group.type]} "${group.groupId}"`;
    if (rule.kind === 'group-lag') {
      const lags = rows.flatMap((r) => (r.lag === null ? [] : [r.lag]));
      const lag = lags.length ? lags.reduce((a, b) => a + b, 0) : null;
      const active = lag === null ? null : lag > rule.threshold;
      const compared =
        lag === null
          ? `unknown (threshold ${count.format(rule.threshold)})`
          : `${count.format(lag)} ${active ? '>' : '≤'} ${count.format(rule.threshold)}`;
      const message = `${who} lag ${compared}${onTopics(rule.topicPattern)}`;
      observations.push({ subject: group.groupId, active, value: lag, message });
    } else if (rule.kind === 'group-time-lag') {
      // The pages' rule: unknown (not 0) while a lagging partition's time lag is unknown and nothing known is larger.
      const largest = largestTimeLag(rows).ms;
      const worst = largest === null ? null : largest / 1000;
      const active = worst === null ? null : worst > rule.thresholdSeconds;
      const compared =
        worst === null
          ? `an unknown time behind (threshold ${seconds(rule.thresholdSeconds)})`
          : `${seconds(worst)} behind ${active ? '>' : '≤'} ${seconds(rule.thresholdSeconds)}`;
      const message = `${who} is ${compared}${onTopics(rule.topicPattern)}`;
      observations.push({ subject: group.groupId, active, value: worst, message });
    } else if (rule.kind === 'group-status') {
      const statuses = rows.flatMap((r) => (r.status === null ? [] : [r.status]));
      // Until the sampler's window has filled there is no status: neither firing nor resolving.
      if (statuses.length === 0) {
        observations.push({
          subject: group.groupId,
          active: null,
          value: null,
          message: `${who} status not known yet (collecting samples)`,
        });
        continue;
      }
      const worst = statuses.reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a));
      const active = (rule.statuses as readonly string[]).includes(worst);
      observations.push({
        subject: group.groupId,
        active,
        value: STATUS_ORDER.indexOf(worst),
        message: `${who} status ${worst}${onTopics(rule.topicPattern)}`,
      });
    }
  }
  return observations;
}

function observeAtRisk(
  rule: Extract<RuleWithId, { kind: 'partitions-at-risk' }>,
  partitions: NonNullable<PassFacts['atRisk']>,
): Observation[] {
  const hits = partitions.filter(
    (p) => matchesPattern(rule.topicPattern, p.topic) && p.reasons.some((r) => (rule.conditions as readonly string[]).includes(r)),
  );
  const listed = hits
    .slice(0, 5)
    .map((p) => `${p.topic}-${p.partition} (${p.reasons.filter((r) => (rule.conditions as readonly string[]).includes(r)).join(', ')})`)
    .join(', ');
  const message = hits.length
    ? `${count.format(hits.length)} partition${hits.length === 1 ? '' : 's'} at risk: ${listed}${hits.length > 5 ? ', …' : ''}`
    : `No partition is ${rule.conditions.join(', ')}${onTopics(rule.topicPattern)}`;
  return [{ subject: '', active: hits.length > 0, value: hits.length, message }];
}

/** The rule's observations in this pass; none when the facts it needs were not read. */
export function observe(rule: RuleWithId, facts: PassFacts): Observation[] {
  switch (rule.kind) {
    case 'group-lag':
    case 'group-time-lag':
    case 'group-status':
      return facts.groups ? observeGroups(rule, facts.groups) : [];
    case 'partitions-at-risk':
      return facts.atRisk ? observeAtRisk(rule, facts.atRisk) : [];
    case 'broker-missing':
      return (facts.brokers ?? []).map((b) => ({
        subject: String(b.id),
        active: !b.up,
        value: b.up ? 0 : 1,
        message: `Broker ${b.id} (${b.host}:${b.port}) ${b.up ? 'is up' : 'is missing from the cluster'}`,
      }));
    case 'reassignment-stalled':
      return (facts.reassignments ?? []).map((j) => ({
        subject: j.jobId,
        active: j.stalled,
        value: j.stalled ? 1 : 0,
        message: `Reassignment ${j.jobId} (${count.format(j.partitions)} partitions) ${j.stalled ? 'copies nothing: stalled' : 'is moving'}`,
      }));
  }
}

/** Whether the pass read what the rule needs: an open alert whose subject is no longer observed then resolves. */
export function factsReadFor(rule: RuleWithId, facts: PassFacts): boolean {
  switch (rule.kind) {
    case 'group-lag':
    case 'group-time-lag':
    case 'group-status':
      return facts.groups !== null;
    case 'partitions-at-risk':
      return facts.atRisk !== null;
    case 'broker-missing':
      return facts.brokers !== null;
    case 'reassignment-stalled':
      return facts.reassignments !== null;
  }
}
