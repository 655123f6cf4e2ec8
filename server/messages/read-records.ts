import 'server-only';
import { ApiError } from '@/lib/errors';
import type { KafkaConnection } from '@/server/kafka/connection';
import { fetchRound } from '@/server/messages/fetch-round';
import type { RecordPredicate } from '@/server/messages/filter';
import { Lane, type LaneStart, type PendingRecord, type ReadDirection } from '@/server/messages/lane';
import type { MaskableParts, Masker } from '@/server/messages/masking';

export type StoppedBy = 'limit' | 'bytes' | 'end' | 'records' | 'time' | 'cancelled';

export type ReadPlan = {
  topic: string;
  direction: ReadDirection;
  lanes: LaneStart[];
  isolation: 'read_committed' | 'read_uncommitted';
  showControl: boolean;
  /** Matches to emit. */
  limit: number;
  /** Bytes of keys, values and headers to emit (a JSON page's cap); at least one match is always emitted. */
  maxOutputBytes: number;
  /** Records to examine (the scan budget). */
  maxScanned: number;
  /** Epoch ms after which the read stops with `time`. */
  deadline: number;
  partitionMaxBytes: number;
  /** backward: the offsets each partition's first window spans. */
  span: bigint;
  /** A partition is fetched again when fewer records than this wait in it (0: only when empty). */
  lowWater: number;
  predicate: RecordPredicate | null;
  masker: Masker | null;
  signal?: AbortSignal;
};

export type Match = { pending: PendingRecord; parts: MaskableParts; masked: boolean };
export type ReadProgress = { scanned: number; matched: number; positions: Map<number, bigint> };

export type ReadHooks = {
  /** Awaited: a stream writes the match out (and waits while the client is slow). */
  onMatch(match: Match): void | Promise<void>;
  onProgress?(progress: ReadProgress): void;
  /** The topic's leaders read again (after NOT_LEADER_OR_FOLLOWER and the like). */
  refreshLeaders(): Promise<Map<number, number | null>>;
  /** The partition's log start read again (after OFFSET_OUT_OF_RANGE). */
  refreshLogStart(partition: number): Promise<bigint | null>;
};

export type ReadOutcome = {
  scanned: number;
  matched: number;
  stoppedBy: StoppedBy;
  /** Where a later read in the same direction resumes, per partition. */
  resume: Map<number, bigint>;
  logStarts: Map<number, bigint>;
  ends: Map<number, bigint>;
  errors: Map<number, string>;
  notices: string[];
};

const LEADER_ERRORS = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
]);
const PROGRESS_EVERY_MS = 250;

/** A binary heap of the lanes that have a record to take, best head first. */
class LaneHeap {
  private items: Lane[] = [];
  constructor(private readonly before: (a: PendingRecord, b: PendingRecord) => boolean) {}
  get size() {
    return this.items.length;
  }
  private less(i: number, j: number) {
    return this.before(this.items[i]!.peek()!, this.items[j]!.peek()!);
  }
  /** Adds the lane if it has a record to take (decoding its next batch may instead find it corrupt: left out). */
  push(lane: Lane) {
    if (lane.peek() === undefined) return;
    const items = this.items;
    items.push(lane);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): Lane | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.less(l, best)) best = l;
        if (r < items.length && this.less(r, best)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

/** Reading order across partitions: by timestamp (oldest first forward, newest first backward), then partition. */
function ordering(direction: ReadDirection) {
  if (direction === 'forward') {
    return (a: PendingRecord, b: PendingRecord) =>
      a.record.timestamp !== b.record.timestamp
        ? a.record.timestamp < b.record.timestamp
        : a.partition !== b.partition
          ? a.partition < b.partition
          : a.record.offset < b.record.offset;
  }
  return (a: PendingRecord, b: PendingRecord) =>
    a.record.timestamp !== b.record.timestamp
      ? a.record.timestamp > b.record.timestamp
      : a.partition !== b.partition
        ? a.partition < b.partition
        : a.record.offset > b.record.offset;
}

const partsOf = (p: PendingRecord): MaskableParts => ({ key: p.record.key, value: p.record.value, headers: p.record.headers });
const sizeOf = (parts: MaskableParts) =>
  (parts.key?.length ?? 0) + (parts.value?.length ?? 0) + parts.headers.reduce((n, h) => n + h.key.length + (h.value?.length ?? 0), 0);

/**
 * Reads records of several partitions in one order (a k-way merge of the partitions by timestamp, so each partition
 * is taken in offset order and a cursor per partition says exactly where to go on), applying the masking and then
 * the filter to each record, until `limit` matches, the byte cap, the scan budget, the deadline, the end of every
 * partition or the client's abort. A partition whose next record is unknown is fetched before anything is taken:
 * one Fetch per leader per round, on the records channel.
 */
export async function readRecords(connection: KafkaConnection, plan: ReadPlan, hooks: ReadHooks): Promise<ReadOutcome> {
  const committed = plan.isolation === 'read_committed';
  const lanes = plan.lanes.map(
    (start) =>
      new Lane(start, {
        direction: plan.direction,
        committed,
        showControl: plan.showControl,
        partitionMaxBytes: plan.partitionMaxBytes,
        span: plan.span,
      }),
  );
  const errors = new Map<number, string>();
  const notices: string[] = [];
  const heap = new LaneHeap(ordering(plan.direction));
  let scanned = 0;
  let matched = 0;
  let outputBytes = 0;
  let stoppedBy: StoppedBy = 'end';
  let lastProgress = Date.now();
  const progress = () => hooks.onProgress?.({ scanned, matched, positions: new Map(lanes.map((l) => [l.partition, l.resume()])) });

  for (const lane of lanes) {
    if (lane.leader === null) lane.error = 'LEADER_NOT_AVAILABLE: the partition has no leader (offline)';
  }

  async function refill() {
    const wanting = lanes.filter((l) => l.wants(plan.lowWater));
    const before = new Set(lanes.filter((l) => l.available() > 0));
    const results = await fetchRound(
      connection,
      plan.topic,
      wanting.map((l) => l.ask()),
      plan.isolation,
      { timeoutMs: Math.max(1_000, Math.min(5_000, plan.deadline - Date.now())) },
    );
    let leadersStale = false;
    for (const result of results) {
      const lane = lanes.find((l) => l.partition === result.partition)!;
      if (result.ok) {
        lane.accept(result);
        continue;
      }
      if (result.errorType?.endsWith('_AUTHORIZATION_FAILED'))
        throw new ApiError('KAFKA_FORBIDDEN', `${result.error} (topic "${plan.topic}")`);
      if (lane.retries > 0 && result.errorType && LEADER_ERRORS.has(result.errorType)) {
        lane.retries -= 1;
        leadersStale = true;
      } else if (lane.retries > 0 && result.errorType === 'OFFSET_OUT_OF_RANGE') {
        lane.retries -= 1;
        const logStart = await hooks.refreshLogStart(lane.partition);
        if (logStart === null) lane.error = result.error;
        else {
          notices.push(`Partition ${lane.partition}: records were deleted while reading; went on from the log start ${logStart}.`);
          lane.restartAt(logStart);
        }
      } else {
        lane.error = result.error;
      }
    }
    if (leadersStale) {
      const leaders = await hooks.refreshLeaders();
      for (const lane of lanes) if (leaders.has(lane.partition)) lane.leader = leaders.get(lane.partition)!;
    }
    for (const lane of lanes) if (!before.has(lane) && lane.available() > 0) heap.push(lane);
  }

  for (;;) {
    if (plan.signal?.aborted) {
      stoppedBy = 'cancelled';
      break;
    }
    if (Date.now() >= plan.deadline) {
      stoppedBy = 'time';
      break;
    }
    // Nothing is taken while a partition that could hold the next record in order has nothing fetched.
    if (lanes.some((l) => l.available() === 0 && !l.finished() && l.wants(0))) {
      await refill();
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        progress();
      }
      continue;
    }
    const lane = heap.pop();
    if (!lane) break;
    const pending = lane.peek()!;
    const original = partsOf(pending);
    const parts = plan.masker ? plan.masker.apply(original) : original;
    const isMatch =
      !plan.predicate ||
      plan.predicate({ partition: pending.partition, offset: pending.record.offset, timestamp: pending.record.timestamp, ...parts });
    const size = isMatch ? sizeOf(parts) : 0;
    if (isMatch && matched > 0 && outputBytes + size > plan.maxOutputBytes) {
      heap.push(lane);
      stoppedBy = 'bytes';
      break;
    }
    lane.take();
    scanned += 1;
    if (lane.available() > 0) heap.push(lane);
    if (isMatch) {
      matched += 1;
      outputBytes += size;
      await hooks.onMatch({ pending, parts, masked: parts !== original });
      if (matched >= plan.limit) {
        stoppedBy = 'limit';
        break;
      }
    }
    if (scanned >= plan.maxScanned) {
      stoppedBy = 'records';
      break;
    }
    if ((scanned & 1023) === 0 && Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = Date.now();
      progress();
    }
  }
  for (const lane of lanes) if (lane.error) errors.set(lane.partition, lane.error);
  return {
    scanned,
    matched,
    stoppedBy,
    resume: new Map(lanes.map((l) => [l.partition, l.resume()])),
    logStarts: new Map(lanes.map((l) => [l.partition, l.logStart])),
    ends: new Map(lanes.map((l) => [l.partition, l.end])),
    errors,
    notices,
  };
}
