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
  /**
   * forward: what was fetched and not taken yet, in offset order, and how many records it holds. A whole batch waits
   * undecoded (all its records are at or past the fetch position; its header says how many) and is decompressed when
   * the reader gets to it, so a partition holds one decoded batch at a time; the batch a fetch position falls inside
   * waits decoded, without the records before the position.
   */
  private queue: ({ batch: RecordBatch; aborted: boolean | null } | { records: PendingRecord[] })[] = [];
  private queued = 0;
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
    return this.buffer.length - this.head + this.queued;
  }

  peek(): PendingRecord | undefined {
    while (this.head >= this.buffer.length && this.queue.length > 0) this.decodeNext();
    return this.buffer[this.head];
  }

  /** The next queued batch's records into the buffer; a batch that cannot be decoded stops the partition. */
  private decodeNext() {
    const next = this.queue.shift()!;
    this.head = 0;
    if ('records' in next) {
      this.queued -= next.records.length;
      this.buffer = next.records;
      return;
    }
    const { batch, aborted } = next;
    this.queued -= batch.recordCount;
    this.buffer = [];
    try {
      for (const record of batch.records) this.buffer.push(this.pending(record, batch, aborted));
    } catch (error) {
      this.fail(batch, error);
    }
  }

  private fail(batch: RecordBatch, error: unknown) {
    this.buffer = [];
    this.head = 0;
    this.queue = [];
    this.queued = 0;
    this.error = `records from offset ${batch.baseOffset} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }

  private pending(record: KafkaRecord, batch: RecordBatch, aborted: boolean | null): PendingRecord {
    return { partition: this.partition, record, batch, aborted: batch.transactional && !batch.control ? aborted : null };
  }

  take(): PendingRecord {
    this.peek();
    const record = this.buffer[this.head++]!;
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
    const next = this.error ? undefined : this.peek();
    if (this.options.direction === 'forward') return next ? next.record.offset : this.fetchAt;
    return next ? next.record.offset + 1n : this.bound;
  }

  /** Takes a fetch answer: its visible records join the buffer (or the window), the position moves past them. */
  accept(fetched: Extract<FetchedPartition, { ok: true }>) {
    const asked = this.fetchAt;
    if (fetched.logStart >= 0n) this.logStart = fetched.logStart;
    this.end = this.options.committed ? fetched.lastStable : fetched.highWatermark;
    const backward = this.options.direction === 'backward';
    for (const { batch, aborted } of fetched.batches) {
      if (batch.control && !this.options.showControl) continue;
      if (aborted === true && this.options.committed) continue;
      if (!backward && batch.baseOffset >= asked) {
        this.queue.push({ batch, aborted });
        this.queued += batch.recordCount;
        continue;
      }
      // The batch the fetch position falls inside, and backward windows (small reads): decoded now, filtered.
      const records: PendingRecord[] = [];
      try {
        for (const record of batch.records) {
          if (record.offset < asked || (backward && record.offset >= this.bound)) continue;
          records.push(this.pending(record, batch, aborted));
        }
      } catch (error) {
        return this.fail(batch, error);
      }
      if (backward) this.window.push(...records);
      else if (records.length > 0) {
        this.queue.push({ records });
        this.queued += records.length;
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
