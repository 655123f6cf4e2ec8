// A reassignment job's progress as the worker sees it, and the pure steps that advance it from what Kafka reports.
import type { JobPartition } from '@/lib/schemas/reassignments';
import { partitionKey } from '@/server/kafka/partition-key';

export type PartitionProgress = {
  topic: string;
  partition: number;
  before: number[];
  target: number[];
  state: JobPartition['state'];
  /** Bytes the added replicas must copy: the leader's log size at submission × replicas added. */
  bytesTotal: string;
  bytesDone: string;
  adding?: number[];
  removing?: number[];
  /** When it was first seen neither moving nor on its target (see SETTLE_MS). */
  unsettledSince?: number;
  error?: string;
  note?: string;
};

export type JobProgress = {
  partitions: PartitionProgress[];
  /** Recent (time, Σ bytesDone) readings for the rate; the last few only. */
  readings: { at: number; bytesDone: string }[];
  /** When Σ bytesDone last grew (or the job started). */
  lastProgressAt: number;
  /** Set by a cancel request: the worker cancels what moves and ends the job as cancelled. */
  cancelRequested?: boolean;
  /** After a cancel: since when brokers' metadata was first awaited to show the moves undone. */
  cancelSettlingSince?: number;
  /** After a cancel: when the reorder-only moves putting replica lists back in their original order were submitted. */
  restoringOrderSince?: number;
};

/** What the worker read from Kafka on one pass. */
export type Observation = {
  at: number;
  /** Ongoing reassignments (ListPartitionReassignments), by partitionKey. */
  reassigning: ReadonlyMap<string, { adding: number[]; removing: number[] }>;
  /** Current replica lists (Metadata), by partitionKey; absent = the partition no longer exists. */
  replicas: ReadonlyMap<string, number[]>;
  /** Replica log sizes (DescribeLogDirs), by `${partitionKey}@${broker}`. */
  replicaSizes: ReadonlyMap<string, bigint>;
};

const READINGS_KEPT = 30;
/** The copy rate is measured over the readings of this last stretch of time: a stall shows within it. */
export const RATE_WINDOW_MS = 30_000;
/**
 * The controller answers ListPartitionReassignments; brokers answer Metadata from caches that learn of a finished
 * move a moment later. A partition no longer moving but not yet seen on its target is given this long to show it.
 */
export const SETTLE_MS = 15_000;
export const keyOf = partitionKey;
const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
export const addedReplicas = (p: Pick<PartitionProgress, 'before' | 'target'>) => p.target.filter((b) => !p.before.includes(b));

/** Partitions already laid out as planned need no move: done at once, nothing to copy. */
export function initialProgress(
  changes: { topic: string; partition: number; before: number[]; after: number[] }[],
  leaderSizes: ReadonlyMap<string, bigint>,
  now: number,
): JobProgress {
  const partitions = changes.map(({ topic, partition, before, after }): PartitionProgress => {
    const added = after.filter((b) => !before.includes(b)).length;
    const total = (leaderSizes.get(keyOf(topic, partition)) ?? 0n) * BigInt(added);
    const done = sameList(before, after);
    return {
      topic,
      partition,
      before,
      target: after,
      state: done ? 'done' : 'pending',
      bytesTotal: total.toString(),
      bytesDone: done ? total.toString() : '0',
    };
  });
  return { partitions, readings: [{ at: now, bytesDone: '0' }], lastProgressAt: now };
}

/** The next partitions to submit: pending ones, so that at most `maxMoving` move at once. */
export function nextChunk(progress: JobProgress, maxMoving: number): PartitionProgress[] {
  const moving = progress.partitions.filter((p) => p.state === 'moving').length;
  return progress.partitions.filter((p) => p.state === 'pending').slice(0, Math.max(0, maxMoving - moving));
}

/**
 * Partitions just submitted: moving, or failed with Kafka's per-partition refusal. The stall clock restarts: a chunk
 * that has only just started has not stalled.
 */
export function markSubmitted(
  progress: JobProgress,
  refusals: ReadonlyMap<string, string>,
  submitted: readonly PartitionProgress[],
  now: number,
): JobProgress {
  const keys = new Set(submitted.map((p) => keyOf(p.topic, p.partition)));
  const partitions = progress.partitions.map((p): PartitionProgress => {
    const key = keyOf(p.topic, p.partition);
    if (!keys.has(key)) return p;
    const error = refusals.get(key);
    return error ? { ...p, state: 'failed', error } : { ...p, state: 'moving' };
  });
  return { ...progress, partitions, lastProgressAt: now };
}

/** Bytes copied so far onto a moving partition's added replicas (each at most its share of the total). */
function bytesCopied(p: PartitionProgress, sizes: ReadonlyMap<string, bigint>): bigint {
  const added = addedReplicas(p);
  if (added.length === 0) return 0n;
  const share = BigInt(p.bytesTotal) / BigInt(added.length);
  return added.reduce((sum, broker) => {
    const size = sizes.get(`${keyOf(p.topic, p.partition)}@${broker}`) ?? 0n;
    return sum + (size < share ? size : share);
  }, 0n);
}

/**
 * Advances the moving partitions: one no longer reassigning is done when its replicas equal the target (order
 * included: Kafka applies the list as given), else failed once SETTLE_MS passed (someone else changed or cancelled it).
 */
export function observe(progress: JobProgress, seen: Observation): JobProgress {
  const partitions = progress.partitions.map((p): PartitionProgress => {
    if (p.state !== 'moving') return p;
    const key = keyOf(p.topic, p.partition);
    const ongoing = seen.reassigning.get(key);
    if (ongoing) {
      const { unsettledSince: _u, ...rest } = p;
      return { ...rest, adding: ongoing.adding, removing: ongoing.removing, bytesDone: bytesCopied(p, seen.replicaSizes).toString() };
    }
    const current = seen.replicas.get(key);
    const { adding: _a, removing: _r, unsettledSince, ...rest } = p;
    if (current && sameList(current, p.target)) return { ...rest, state: 'done', bytesDone: p.bytesTotal };
    if (unsettledSince === undefined || seen.at - unsettledSince < SETTLE_MS) return { ...p, unsettledSince: unsettledSince ?? seen.at };
    const error = current
      ? `The partition ended on [${current.join(',')}], not the planned [${p.target.join(',')}]`
      : 'The partition no longer exists';
    return { ...rest, state: 'failed', error };
  });
  const done = partitions.reduce((sum, p) => sum + BigInt(p.bytesDone), 0n);
  const last = progress.readings.at(-1);
  const grew = last === undefined || done > BigInt(last.bytesDone);
  const readings = [...progress.readings, { at: seen.at, bytesDone: done.toString() }].slice(-READINGS_KEPT);
  return { ...progress, partitions, readings, lastProgressAt: grew ? seen.at : progress.lastProgressAt };
}

export type ProgressSummary = {
  bytesTotal: string;
  bytesDone: string;
  bytesPerSec: number | null;
  etaSeconds: number | null;
  stalled: boolean;
};

/** Totals, the copy rate over the last RATE_WINDOW_MS of readings, the ETA at that rate, and whether moving partitions stalled. */
export function summarize(progress: JobProgress, now: number, stallAfterMs: number): ProgressSummary {
  const total = progress.partitions.reduce((sum, p) => sum + BigInt(p.bytesTotal), 0n);
  const done = progress.partitions.reduce((sum, p) => sum + BigInt(p.bytesDone), 0n);
  const last = progress.readings.at(-1);
  // The last reading at or before the window's start (else the oldest): the span covers the whole window.
  const inWindow = last ? progress.readings.findIndex((r) => r.at >= last.at - RATE_WINDOW_MS) : -1;
  const first = progress.readings[Math.max(0, inWindow - 1)];
  const seconds = first && last ? (last.at - first.at) / 1000 : 0;
  const bytesPerSec = first && last && seconds > 0 ? Math.max(0, Number(BigInt(last.bytesDone) - BigInt(first.bytesDone)) / seconds) : null;
  const remaining = Number(total - done);
  const etaSeconds = remaining <= 0 ? 0 : bytesPerSec ? remaining / bytesPerSec : null;
  const moving = progress.partitions.some((p) => p.state === 'moving');
  return {
    bytesTotal: total.toString(),
    bytesDone: done.toString(),
    bytesPerSec,
    etaSeconds,
    stalled: moving && now - progress.lastProgressAt > stallAfterMs,
  };
}
