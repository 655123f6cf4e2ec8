import { LAG_STATUSES, type LagStatus } from '@/lib/schemas/consumer-groups';

/**
 * One sample of a group's partition. Burrow evaluates the group's last N *commits* (it reads __consumer_offsets);
 * the console polls, so its window is its last N samples, and the time of the commit behind each sample is
 * estimated by the sampler (`commitTime`, see lag-samples.ts). Offsets and times are numbers; NaN = unknown.
 */
export type WindowEntry = {
  /** When the sample was taken (epoch ms). */
  time: number;
  /** The partition's high watermark at that time; NaN when it could not be read. */
  hwm: number;
  /** The group's committed offset; NaN when the group had none. */
  committed: number;
  /** When `committed` was (at the latest) committed, as far as the samples tell. */
  commitTime: number;
  /**
   * The high watermark when it was committed, as far as the samples tell (NaN = unknown): Burrow measures each
   * commit's lag when the commit arrives. A commit seen at a sample happened after the previous sample, so the
   * previous sample's high watermark stands in for it (a lower bound: the lag is the records the commit left behind).
   */
  commitHwm: number;
};

export type BurrowOptions = { window: number; allowedLag: number };

/** The lag of the commit behind a sample (Burrow's per-commit lag); null when unknown. */
const lagOf = (e: WindowEntry) => (Number.isNaN(e.commitHwm) ? null : e.commitHwm - e.committed);

/** Burrow's rule 2: the first index where the offset went backwards and the offset before it; null when none. */
function rewind(entries: readonly WindowEntry[]) {
  for (let i = 1; i < entries.length; i += 1) if (entries[i]!.committed < entries[i - 1]!.committed) return i;
  return null;
}

/**
 * Burrow's partition evaluator (linkedin/Burrow core/internal/evaluator, current master), rule for rule and in its
 * order, on the partition's last `window` samples, oldest first. Evaluated as of the newest sample. "Lag" of a sample
 * is the lag of its commit (see `commitHwm`); the current lag is the newest sample's high watermark − offset.
 * 0. Fewer than `window` samples, or a sample without a committed offset → null: the console answers "collecting"
 *    where Burrow answers OK for an incomplete window.
 * 1. Current lag ≤ allowedLag → OK (Burrow: a partition with no lag is never in error). Negative lag counts as none.
 * 2. STOP: the time since the last commit exceeds the span of the window's commits, and the high watermark did not
 *    stand at or below the last committed offset at any sample (the consumer was not recently caught up).
 * 3. REWIND: an offset went backwards and no later sample got back to the offset before it.
 * 4. Some sample had lag ≤ allowedLag → OK.
 * 5. STALL: every sample has the same offset (and there is lag).
 * 6. WARN: the lag never decreased from one sample to the next (samples with unknown lag skipped).
 * 7. OK.
 */
export function partitionStatus(entries: readonly WindowEntry[], { window, allowedLag }: BurrowOptions): LagStatus | null {
  if (entries.length < window || entries.length === 0) return null;
  if (entries.some((e) => Number.isNaN(e.committed))) return null;
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  let currentLag: number | null = null;
  for (let i = entries.length - 1; i >= 0 && currentLag === null; i -= 1) {
    const e = entries[i]!;
    if (!Number.isNaN(e.hwm)) currentLag = e.hwm - e.committed;
  }
  if (currentLag === null) return null;
  if (currentLag <= allowedLag) return 'OK';

  const stopped = last.time - last.commitTime > last.commitTime - first.commitTime;
  const recentlyCaughtUp = entries.some((e) => !Number.isNaN(e.hwm) && e.hwm <= last.committed);
  if (stopped && !recentlyCaughtUp) return 'STOP';

  const rewoundAt = rewind(entries);
  if (rewoundAt !== null) {
    const before = entries[rewoundAt - 1]!.committed;
    if (!entries.slice(rewoundAt).some((e) => e.committed >= before)) return 'REWIND';
  }

  if (
    entries.some((e) => {
      const lag = lagOf(e);
      return lag !== null && lag <= allowedLag;
    })
  )
    return 'OK';

  if (entries.every((e) => e.committed === first.committed)) return 'STALL';

  let previous: number | null = null;
  for (const e of entries) {
    const lag = lagOf(e);
    if (lag === null) continue;
    if (previous !== null && lag < previous) return 'OK';
    previous = lag;
  }
  return 'WARN';
}

const SEVERITY = new Map<LagStatus, number>(LAG_STATUSES.map((s, i) => [s, i]));

/** The worst status in the order OK < WARN < REWIND < STALL < STOP; null when none is known. */
export function worstStatus(statuses: Iterable<LagStatus | null>): LagStatus | null {
  let worst: LagStatus | null = null;
  for (const s of statuses) if (s !== null && (worst === null || SEVERITY.get(s)! > SEVERITY.get(worst)!)) worst = s;
  return worst;
}
