import 'server-only';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { getConfig } from '@/server/config/current';
import { tryDbLock } from '@/server/db/client';
import type { HeldLock } from '@/server/db/types';
import type { SampledLagGroup } from '@/server/lag/group-rows';
import type { GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { derivePass, initialDeriveState, type DeriveState } from '@/server/metrics/derive-pass';
import { readPass } from '@/server/metrics/read-pass';
import { writePoints } from '@/server/metrics/write';
import { letRequestsRun } from '@/server/turns';

/** What the last recorded pass cost: for the benchmark, the logs and /metrics. */
export type RecordedPass = { time: number; series: number; written: number; deriveMs: number; writeMs: number; partial: boolean };

export type MetricsRecorder = {
  readonly clusterId: string;
  /**
   * Step 4 of each sampling pass (server/sampling/pass.ts), awaited: a pass never overlaps the next. `lagGroups`
   * gives the pass's groups with their time lags, computed once for steps 4 and 5 and only when one needs them.
   */
  record(groups: GroupsSnapshot, lagGroups: () => readonly SampledLagGroup[]): Promise<void>;
  readonly lastPass: RecordedPass | null;
  /** Whether this process writes the cluster's series (it holds the cluster's lock). */
  readonly writing: boolean;
  stop(): Promise<void>;
};

/** Without the lock (another console samples the cluster into this database), try again this often. */
const LOCK_RETRY_MS = 60_000;

/**
 * Persists a cluster's sampling passes: each pass is turned into per-topic, per-broker, per-group and cluster
 * series (server/metrics/derive-pass.ts) and written in one insert. With PostgreSQL several consoles may share the
 * database: only the one holding the cluster's lock writes, the others retry the lock now and then (one leaving
 * frees it). The cluster snapshot is the one the groups snapshot was read with (at most 5 s old): no extra request.
 */
export function createMetricsRecorder(clusterId: string): MetricsRecorder {
  let state: DeriveState = initialDeriveState();
  let lock: HeldLock | null = null;
  let lockTriedAt = 0;
  let lastPass: RecordedPass | null = null;
  let stopped = false;

  async function holdsLock(): Promise<boolean> {
    if (lock?.held) return true;
    if (lock) {
      console.warn(`kafka-console: metrics for cluster ${clusterId}: the database lock was lost; another console may write them now`);
      lock = null;
      state = initialDeriveState();
    }
    if (Date.now() - lockTriedAt < LOCK_RETRY_MS && lockTriedAt !== 0) return false;
    lockTriedAt = Date.now();
    lock = await tryDbLock(`kafka-console metrics ${clusterId}`);
    if (!lock) console.log(`kafka-console: metrics for cluster ${clusterId} are written by another console on this database`);
    return lock !== null;
  }

  return {
    clusterId,
    get lastPass() {
      return lastPass;
    },
    get writing() {
      return lock?.held === true;
    },
    async record(groups, lagGroups) {
      if (stopped || !(await holdsLock())) return;
      // Alerts need the lock even when the history is off (server/metrics/recorders.ts).
      if (!getConfig().metrics.enabled) return;
      const started = performance.now();
      // The snapshot the pass read just before its groups (server/sampling/sampler.ts), unless it is over 5 s old;
      // its log dirs may be older (metrics.logDirsEveryMs): derivePass knows when they were read.
      const cluster = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
      const reading = readPass(cluster, groups, lagGroups());
      // Each step is ~0.1 s of synchronous work on the XL fixture: requests waiting run in between.
      await letRequestsRun();
      const derived = derivePass(state, reading);
      state = derived.state;
      const deriveMs = performance.now() - started;
      const { written } = await writePoints(clusterId, groups.asOf, derived.points);
      lastPass = {
        time: groups.asOf,
        series: derived.points.length,
        written,
        deriveMs,
        writeMs: performance.now() - started - deriveMs,
        partial: reading.partial,
      };
    },
    async stop() {
      stopped = true;
      await lock?.release();
      lock = null;
    },
  };
}
