// One partition's part of a read: where it stands, the records fetched but not yet taken, and where a later read
// resumes. Pure: the reader (read-records.ts) asks a lane what to fetch and hands it what came back.
import type { FetchAsk, FetchedPartition } from '@/server/messages/fetch-round';
import type { KafkaRecord, RecordBatch } from '@/server/protocol/records/record-batch';

export type ReadDirection = 'forward' | 'backward';

/** A record ready to be taken, with what the batch says of it. */
export type PendingRecord = { partition: number; record: KafkaRecord; batch: RecordBatch; aborted: boolean | null };

export type LaneStart = {
  partition: number;
  leader: number | null;
  /** forward: the first offset to read; backward: the exclusive upper bound (records below it, newest first). */
  start: bigint;
  logStart: bigint;
  /** The end as first read (high watermark); fetch answers keep it current. */
  end: bigint;
};

export type LaneOptions = {
  direction: ReadDirection;
  committed: boolean;
  showControl: boolean;
  partitionMaxBytes: number;
  /** backward: offsets a first window spans (it grows fourfold each time a partition needs more). */
  span: bigint;
};

const MAX_SPAN = 1_000_000n;

export class Lane {
  readonly partition: number;
  leader: number | null;
  logStart: bigint;
  end: bigint;
  error: string | null = null;
  /** Retries left after a leader change or a log start that moved under the read. */
  retries = 2;
  private buffer: PendingRecord[] = [];
  private head = 0;
  /** forward: the next offset to fetch. backward: the next offset to fetch inside the window being read. */
  private fetchAt: bigint;
  /** backward: records below it are not read yet (the window being read ends here). */
  private bound: bigint;
  private windowStart: bigint;
  private window: PendingRecord[] = [];
  private span: bigint;
  private exhausted = false;
  private stalls = 0;

  constructor(
    start: LaneStart,
    private readonly options: LaneOptions,
  ) {
    this.partition = start.partition;
    this.leader = start.leader;
    this.logStart = start.logStart;
    this.end = start.end;
    this.span = options.span;
    this.bound = start.start;
    this.fetchAt = start.start;
    this.windowStart = start.start;
    if (options.direction === 'backward') this.openWindow();
    else this.exhausted = start.start >= start.end;
  }

  private openWindow() {
    if (this.bound <= this.logStart) {
      this.exhausted = true;
      return;
    }
    this.windowStart = this.bound - this.span > this.logStart ? this.bound - this.span : this.logStart;
    this.fetchAt = this.windowStart;
    this.window = [];
  }

  available() {
    return this.buffer.length - this.head;
  }

  peek(): PendingRecord | undefined {
    return this.buffer[this.head];
  }

  take(): PendingRecord {
    const record = this.buffer[this.head++]!;
    if (this.head > 4096 && this.head * 2 > this.buffer.length) {
      this.buffer = this.buffer.slice(this.head);
      this.head = 0;
    }
    return record;
  }

  /** Nothing more to read in this direction (or an error stopped it), and nothing left to take. */
  finished() {
    return this.error !== null || (this.exhausted && this.available() === 0);
  }

  /** Wants a fetch: its buffer is below `lowWater` records and there is more to read. */
  wants(lowWater: number) {
    return this.error === null && !this.exhausted && this.leader !== null && this.available() <= lowWater;
  }

  ask(): FetchAsk {
    return { partition: this.partition, leader: this.leader!, offset: this.fetchAt, maxBytes: this.options.partitionMaxBytes };
  }

  /** Where a later read in the same direction resumes: the first record not taken, else past what was read. */
  resume(): bigint {
    const next = this.peek();
    if (this.options.direction === 'forward') return next ? next.record.offset : this.fetchAt;
    return next ? next.record.offset + 1n : this.bound;
  }

  /** Takes a fetch answer: its visible records join the buffer (or the window), the position moves past them. */
  accept(fetched: Extract<FetchedPartition, { ok: true }>) {
    const asked = this.fetchAt;
    if (fetched.logStart >= 0n) this.logStart = fetched.logStart;
    this.end = this.options.committed ? fetched.lastStable : fetched.highWatermark;
    const backward = this.options.direction === 'backward';
    const upTo = backward ? this.bound : null;
    const target = backward ? this.window : this.buffer;
    for (const { batch, aborted } of fetched.batches) {
      if (batch.control && !this.options.showControl) continue;
      if (aborted === true && this.options.committed) continue;
      for (const record of batch.records) {
        if (record.offset < asked || (upTo !== null && record.offset >= upTo)) continue;
        target.push({ partition: this.partition, record, batch, aborted: batch.transactional && !batch.control ? aborted : null });
      }
    }
    this.fetchAt = fetched.nextOffset > asked ? fetched.nextOffset : asked;
    const atEnd = this.fetchAt >= this.end;
    if (fetched.batches.length === 0 && !atEnd) {
      // Records remain, yet none came (fetch-round already asked again alone): give up after three tries.
      this.stalls += 1;
      if (this.stalls >= 3) this.error = `no records came back from offset ${asked} although the partition ends at ${this.end}`;
    } else {
      this.stalls = 0;
    }
    if (!backward) {
      this.exhausted = atEnd;
      return;
    }
    if (this.fetchAt >= this.bound || atEnd) {
      // The window is read: newest first into the buffer; the next one reaches further back, wider.
      for (let i = this.window.length - 1; i >= 0; i -= 1) this.buffer.push(this.window[i]!);
      this.bound = this.windowStart;
      this.span = this.span * 4n > MAX_SPAN ? MAX_SPAN : this.span * 4n;
      this.openWindow();
    }
  }

  /** The read's position is below the log start now (retention or a purge): start again from the log start. */
  restartAt(logStart: bigint) {
    this.logStart = logStart;
    if (this.options.direction === 'forward') {
      if (this.fetchAt < logStart) this.fetchAt = logStart;
    } else {
      this.openWindow();
    }
  }
}
