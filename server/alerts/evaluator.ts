import 'server-only';
import { listBrokers } from '@/server/brokers/list-brokers';
import { getClusterHealth } from '@/server/cluster-state/cluster-health';
import type { SampledLagGroup } from '@/server/lag/group-rows';
import { runningJobs } from '@/server/reassign/job-store';
import { jobView } from '@/server/reassign/job-view';
import { fireAlert, openAlerts, resolveAlert } from '@/server/alerts/event-store';
import { wakeAlertNotifier } from '@/server/alerts/notifier';
import type { PassFacts, RuleWithId } from '@/server/alerts/observe';
import { rulesForCluster } from '@/server/alerts/rules';
import { transitions, type ActiveSince } from '@/server/alerts/transitions';
import { processState } from '@/server/process-state';

// Since when each rule's subject has held, per cluster: in memory (a restart counts forMinutes again, which only
// ever delays an alert). Process-wide (server/process-state.ts): one evaluator state per process across dev reloads.
const activeSince = processState<Map<string, ActiveSince>>('alertActiveSince', () => new Map());

const toNumber = (value: string | null) => (value === null ? null : Number(value));
const needs = (rules: readonly RuleWithId[], ...kinds: RuleWithId['kind'][]) => rules.some((r) => kinds.includes(r.kind));

/** Reads only what the cluster's rules watch; a part that cannot be read is null (its alerts then stay as they are). */
async function gatherFacts(
  clusterId: string,
  lagGroups: () => readonly SampledLagGroup[],
  rules: readonly RuleWithId[],
): Promise<PassFacts> {
  const soft = async <T>(read: () => Promise<T>): Promise<T | null> => read().catch(() => null);
  const [atRisk, brokers, reassignments] = await Promise.all([
    needs(rules, 'partitions-at-risk') ? soft(async () => (await getClusterHealth(clusterId)).partitions) : null,
    needs(rules, 'broker-missing')
      ? soft(async () =>
          (await listBrokers(clusterId, { sizesMaxAgeMs: Infinity })).brokers.map((b) => ({
            id: b.id,
            host: b.host,
            port: b.port,
            up: b.status === 'up',
          })),
        )
      : null,
    needs(rules, 'reassignment-stalled')
      ? soft(async () =>
          (await runningJobs(clusterId)).map((job) => ({
            jobId: job.id,
            stalled: jobView(job).stalled,
            partitions: job.progress.partitions.length,
          })),
        )
      : null,
  ]);
  const groupFacts = needs(rules, 'group-lag', 'group-time-lag', 'group-status')
    ? lagGroups()
        // A group that could not be read this pass is left out of it rather than judged on missing rows.
        .filter((g) => !g.error)
        .map((g) => ({
          groupId: g.groupId,
          type: g.type,
          rows: g.rows.map((r) => ({
            topic: r.topic,
            partition: r.partition,
            lag: toNumber(r.lag),
            timeLagMs: r.timeLagMs,
            status: r.status,
          })),
        }))
    : null;
  return { groups: groupFacts, atRisk, brokers, reassignments };
}

/**
 * Evaluates the cluster's rules on one sampling pass (in the process that holds the cluster's lock, so once per
 * pass whatever the number of consoles): fires what has held long enough, resolves what cleared, queues the
 * notifications and wakes the notifier.
 */
export async function evaluateAlerts(clusterId: string, lagGroups: () => readonly SampledLagGroup[], now = Date.now()) {
  const [rules, open] = await Promise.all([rulesForCluster(clusterId), openAlerts(clusterId)]);
  if (rules.length === 0 && open.length === 0) return;
  const facts = await gatherFacts(clusterId, lagGroups, rules);
  const result = transitions({ rules, facts, open, activeSince: activeSince.get(clusterId) ?? new Map(), now });
  activeSince.set(clusterId, result.activeSince);
  let queued = false;
  for (const { rule, observation } of result.fire) {
    const id = await fireAlert({ clusterId, rule, observation, now });
    queued ||= id !== null && rule.channels.length > 0 && !rule.muted;
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const { alert, observation, reason } of result.resolve) {
    const rule = byId.get(alert.ruleId);
    const resolution = observation?.message ?? (reason === 'gone' ? 'No longer present in the cluster' : 'The rule no longer exists');
    await resolveAlert({ alertId: alert.id, resolution, now, notify: rule ? { muted: rule.muted } : null });
    queued ||= Boolean(rule && !rule.muted && rule.channels.length > 0);
  }
  if (queued) wakeAlertNotifier();
}
