import 'server-only';
import type { LagSampling } from '@/lib/schemas/consumer-groups';
import type { GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { createSampleStore, type LagSampleStore } from '@/server/lag/lag-samples';
import { commitsOffsets, lagGroups } from '@/server/lag/lag-groups';
import { metricsRecorderFor } from '@/server/metrics/recorders';
import { processState } from '@/server/process-state';
import { runPass } from '@/server/sampling/pass';

export type SamplerOptions = {
  intervalMs: number;
  window: number;
  allowedLag: number;
  /** How old the pass's log dirs (replica sizes) may be: DescribeLogDirs is sent only this often (0: every pass). */
  logDirsEveryMs?: number;
  /** Unit tests only: reads one pass instead of Kafka (server/sampling/pass.ts, step 1). */
  read?: (clusterId: string) => Promise<GroupsSnapshot>;
  /** Whether this process records the passes: the metrics history and the alert rules (pass.ts, steps 4–5). */
  record?: boolean;
};

/** One recorded pass as plain data, for `subscribe` listeners that keep or forward samples. */
export type LagSamplePass = {
  clusterId: string;
  time: number;
  partitions: { groupId: string; topic: string; partition: number; highWatermark: string | null; committedOffset: string | null }[];
};

export type LagSampler = {
  readonly clusterId: string;
  readonly intervalMs: number;
  readonly window: number;
  readonly allowedLag: number;
  readonly logDirsEveryMs: number;
  readonly record: boolean;
  readonly store: LagSampleStore;
  /** Set when the last pass failed; cleared by the next pass that succeeds. */
  readonly lastFailureAt: number | null;
  /** The last successful pass: when it ended and how long it took, every step included (/metrics reports it); null before the first. */
  readonly lastPass: { at: number; durationMs: number } | null;
  /** Calls `listener` after every recorded pass; returns the unsubscribe function. */
  subscribe(listener: (pass: LagSamplePass) => void): () => void;
  /** One more pass now, after the one in flight (if any); the passes on the interval go on as before. */
  passNow(): Promise<void>;
  /** No further pass starts; resolves when the one in flight (if any) has finished. */
  stop(): Promise<void>;
};

// Process-wide (server/process-state.ts): instrumentation.ts and the route handlers are separate bundles (and dev reloads modules), but the
// samplers must be one per cluster for the whole process.
const registry = processState<Map<string, LagSampler>>('samplers', () => new Map());

/** The partitions with a committed offset of the groups the pass sampled (consumer and streams groups: commitsOffsets). */
function toPass(clusterId: string, snapshot: GroupsSnapshot): LagSamplePass {
  const partitions: LagSamplePass['partitions'] = [];
  for (const g of lagGroups(snapshot)) {
    if (g.error || !commitsOffsets(g)) continue;
    for (const row of g.rows) {
      if (row.committed === null) continue;
      partitions.push({
        groupId: g.groupId,
        topic: row.topic,
        partition: row.partition,
        highWatermark: row.highWatermark,
        committedOffset: row.committed,
      });
    }
  }
  return { clusterId, time: snapshot.asOf, partitions };
}

/** The most a failing sampler waits between passes (or its interval, when longer): it resumes within this once Kafka is back. */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * After `failures` failed passes in a row, the wait before the next: the interval, doubled at each failure up to
 * MAX_RETRY_DELAY_MS. A cluster that is down costs a few connection attempts a minute, not one every interval.
 */
export function retryDelayMs(intervalMs: number, failures: number): number {
  return Math.min(intervalMs * 2 ** Math.min(failures - 1, 20), Math.max(intervalMs, MAX_RETRY_DELAY_MS));
}

function createSampler(
  clusterId: string,
  { intervalMs, window, allowedLag, logDirsEveryMs = 0, read, record = false }: SamplerOptions,
): LagSampler {
  const store = createSampleStore({ window, allowedLag });
  const listeners = new Set<(pass: LagSamplePass) => void>();
  let lastFailureAt: number | null = null;
  let failuresInARow = 0;
  let lastPass: LagSampler['lastPass'] = null;
  let lastMessage: string | null = null;
  let recordingMessage: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  const context = {
    clusterId,
    store,
    window,
    intervalMs,
    logDirsEveryMs,
    ...(read ? { read } : {}),
    recorder: record ? metricsRecorderFor(clusterId) : null,
    onSampled(snapshot: GroupsSnapshot) {
      if (listeners.size === 0) return;
      const plain = toPass(clusterId, snapshot);
      for (const listener of listeners) listener(plain);
    },
  };

  async function pass() {
    const started = Date.now();
    try {
      if (stopped) return;
      const outcome = await runPass(context);
      if (!outcome) return;
      if (lastMessage !== null) console.log(`kafka-console: sampler for cluster ${clusterId}: sampling again`);
      lastFailureAt = null;
      failuresInARow = 0;
      lastMessage = null;
      // Recording's failure is its own (the samples were taken): logged once per distinct reason.
      if (outcome.recordingError !== null && outcome.recordingError !== recordingMessage)
        console.warn(`kafka-console: sampler for cluster ${clusterId}: recording the pass failed: ${outcome.recordingError}`);
      recordingMessage = outcome.recordingError;
      const at = Date.now();
      lastPass = { at, durationMs: at - started };
    } catch (error) {
      // Recorded, logged once per distinct reason, never thrown: the next pass tries again.
      lastFailureAt = Date.now();
      failuresInARow += 1;
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastMessage) console.warn(`kafka-console: sampler for cluster ${clusterId}: a pass failed: ${message}`);
      lastMessage = message;
    }
  }

  /** Never two passes at once: a pass asked for while one runs follows it. */
  async function exclusivePass() {
    while (inFlight) await inFlight;
    inFlight = pass();
    await inFlight;
    inFlight = null;
  }

  // Passes start on a grid of intervalMs and never overlap: a pass longer than the interval skips the slots it ran over.
  async function tick() {
    const started = Date.now();
    await exclusivePass();
    if (stopped) return;
    const elapsed = Date.now() - started;
    timer = setTimeout(tick, failuresInARow > 0 ? retryDelayMs(intervalMs, failuresInARow) : intervalMs - (elapsed % intervalMs));
    timer.unref?.();
  }

  const sampler: LagSampler = {
    clusterId,
    intervalMs,
    logDirsEveryMs,
    window,
    allowedLag,
    record,
    store,
    get lastFailureAt() {
      return lastFailureAt;
    },
    get lastPass() {
      return lastPass;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async passNow() {
      if (!stopped) await exclusivePass();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
  timer = setTimeout(tick, 0);
  timer.unref?.();
  return sampler;
}

/**
 * Starts the cluster's sampler, or keeps the running one when its settings are the same (a second call, a dev
 * reload); a running sampler with other settings is stopped and replaced (its samples are dropped).
 */
export async function startLagSampler(clusterId: string, options: SamplerOptions): Promise<LagSampler> {
  const running = registry.get(clusterId);
  const same =
    running &&
    running.intervalMs === options.intervalMs &&
    running.window === options.window &&
    running.allowedLag === options.allowedLag &&
    running.logDirsEveryMs === (options.logDirsEveryMs ?? 0) &&
    running.record === (options.record ?? false);
  if (running && same && !options.read) return running;
  if (running) await stopLagSampler(clusterId);
  const sampler = createSampler(clusterId, options);
  registry.set(clusterId, sampler);
  return sampler;
}

export async function stopLagSampler(clusterId: string) {
  const sampler = registry.get(clusterId);
  if (!sampler) return;
  registry.delete(clusterId);
  await sampler.stop();
}

export async function stopAllLagSamplers() {
  await Promise.all([...registry.keys()].map(stopLagSampler));
}

/** The cluster's running sampler, if any. */
export function getLagSampler(clusterId: string): LagSampler | undefined {
  return registry.get(clusterId);
}

/** The running samplers' cluster ids. */
export function lagSamplerClusters(): string[] {
  return [...registry.keys()];
}

/** What the API says about the cluster's sampler; null when none runs. */
export function lagSampling(sampler: LagSampler | null | undefined): LagSampling | null {
  if (!sampler) return null;
  return {
    window: sampler.window,
    intervalMs: sampler.intervalMs,
    lastSampleAt: sampler.store.lastSampleAt,
    ...(sampler.lastFailureAt !== null ? { lastFailureAt: sampler.lastFailureAt } : {}),
  };
}
