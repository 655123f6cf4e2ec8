import 'server-only';
import { evaluateAlerts } from '@/server/alerts/evaluator';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { sampledLagGroups, type RowSampler, type SampledLagGroup } from '@/server/lag/group-rows';
import { getGroupsSnapshot, type GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { groupLagStats, recordPass, type LagSampleStore } from '@/server/lag/lag-samples';
import { fillGroupRecordTimes } from '@/server/lag/pass-record-times';
import { lagGroups } from '@/server/lag/lag-groups';
import type { MetricsRecorder } from '@/server/metrics/recorder';
import { letRequestsRun } from '@/server/turns';

/** What one pass works with: the sampler's settings and state, and where its results go. */
export type PassContext = RowSampler & {
  clusterId: string;
  store: LagSampleStore;
  /** How old the pass's log dirs (replica sizes) may be: DescribeLogDirs is sent only this often (0: every pass). */
  logDirsEveryMs: number;
  /** Replaces step 1 in unit tests that sample given snapshots; such passes read no record times either. */
  read?: (clusterId: string) => Promise<GroupsSnapshot>;
  /** The cluster's recorder where this process records passes (the metrics history, then the alert rules); else null. */
  recorder: MetricsRecorder | null;
  /** Called with each pass whose lag samples were recorded, before step 4 (subscribers of the sampler). */
  onSampled: (snapshot: GroupsSnapshot) => void;
};

/** A pass that ran: its groups snapshot, and why steps 4–5 failed if they did (the samples are recorded anyway). */
export type PassOutcome = { snapshot: GroupsSnapshot; recordingError: string | null };

/**
 * Step 1. A fresh cluster snapshot, then the groups read on it (it reuses a cluster snapshot a few seconds old).
 * Both fresh, so each pass's end offsets (the metrics history's throughput) are read a pass apart, at a steady
 * distance from the time the pass is stored at, however often pages read the shared snapshots meanwhile; and both
 * land in the shared caches the pages read. Log sizes only every `logDirsEveryMs` (or taken from a page's read that
 * recent); the history's bytes/s knows when they were read.
 */
async function readPass(clusterId: string, logDirsEveryMs: number) {
  await getClusterSnapshot(clusterId, { maxAgeMs: 0, logDirsMaxAgeMs: logDirsEveryMs });
  return getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
}

/**
 * One sampling pass of a cluster, every step in order: 1 read, 2 lag samples (statuses, rates, time lags),
 * 3 subscribers, 4 metrics history, 5 alert rules. Steps 4 and 5 run only where this process records passes and
 * holds the cluster's lock (once per pass whatever the number of consoles), and see the same time lags the pages
 * show. null when the pass was not recorded (its snapshot is not newer than the last).
 */
export async function runPass(context: PassContext): Promise<PassOutcome | null> {
  const { clusterId, store, recorder } = context;
  // 1. Read.
  const snapshot = await (context.read ?? ((id: string) => readPass(id, context.logDirsEveryMs)))(clusterId);

  // 2. Lag samples. Statuses and rates change only here, off the requests' path (≈ 5 µs a partition).
  const groups = lagGroups(snapshot);
  if (!recordPass(store, { asOf: snapshot.asOf, endOffsets: snapshot.endOffsets, groups })) return null;
  await letRequestsRun();
  for (const groupId of store.groups.keys()) groupLagStats(store, groupId);
  if (!context.read) await fillGroupRecordTimes(clusterId, snapshot.asOf, groups, store);

  // 3. Subscribers.
  await letRequestsRun();
  context.onSampled(snapshot);

  if (!recorder) return { snapshot, recordingError: null };
  // Steps 4 and 5 read the same rows (time lags, statuses): computed once, by the first step that needs them.
  let sampled: readonly SampledLagGroup[] | undefined;
  const sampledGroups = () => (sampled ??= sampledLagGroups(groups, snapshot.asOf, context));
  try {
    // 4. Metrics history (when enabled; it takes the cluster's lock either way, which step 5 needs).
    await recorder.record(snapshot, sampledGroups);
    // 5. Alert rules.
    if (recorder.writing) await evaluateAlerts(clusterId, sampledGroups).catch(prefixed('alerts'));
    return { snapshot, recordingError: null };
  } catch (error) {
    return { snapshot, recordingError: error instanceof Error ? error.message : String(error) };
  }
}

const prefixed = (what: string) => (error: unknown) => {
  throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
};
