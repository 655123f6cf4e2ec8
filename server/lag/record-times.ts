import 'server-only';
import type { KafkaConnection } from '@/server/kafka/connection';
import { readOffsets } from '@/server/kafka/offsets';
import { partitionKey } from '@/server/kafka/partition-key';
import { fetchRound, type FetchAsk } from '@/server/messages/fetch-round';
import { processState } from '@/server/process-state';

/**
 * Time lag by the record method: the timestamp of the first record at or after a committed offset (what a person
 * checking by hand would read: "the record this group is stuck on was written at …"). Used where interpolation on the
 * sampled high watermarks has no answer (a topic that stopped receiving records). Records never change once written,
 * so answers are cached per (partition, offset) for an hour.
 */
export type RecordTime =
  /** Epoch ms of the first data record at or after the offset. */
  | number
  /** Nothing but transaction markers between the offset and the high watermark: nothing to consume. */
  | 'markers-only';

type Entry = { time: RecordTime; at: number };

const TTL_MS = 3_600_000;
const MAX_ENTRIES = 50_000;
/** Partitions looked up in one pass: one Fetch per leader carries them all. */
const MAX_LOOKUPS = 2_000;
/** Enough for a typical first batch; a larger one is asked again alone (fetch-round). */
const PARTITION_MAX_BYTES = 64 * 1024;

// Process-wide (server/process-state.ts): the sampler (instrumentation bundle) fills it, the route handlers read it.
const stores = processState<Map<string, Map<string, Entry>>>('recordTimes', () => new Map());

function storeOf(clusterId: string) {
  let store = stores.get(clusterId);
  if (!store) stores.set(clusterId, (store = new Map()));
  return store;
}

const keyOf = (topic: string, partition: number, offset: string) => `${partitionKey(topic, partition)}\u0000${offset}`;

/** The cached answer for (partition, committed offset); undefined when not known (yet). */
export function recordTime(clusterId: string, topic: string, partition: number, offset: string): RecordTime | undefined {
  const store = stores.get(clusterId);
  const entry = store?.get(keyOf(topic, partition, offset));
  if (!entry) return undefined;
  if (Date.now() - entry.at > TTL_MS) {
    store!.delete(keyOf(topic, partition, offset));
    return undefined;
  }
  return entry.time;
}

function remember(clusterId: string, topic: string, partition: number, offset: string, time: RecordTime) {
  const store = storeOf(clusterId);
  // Oldest first out: a Map iterates in insertion order.
  while (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value!);
  store.set(keyOf(topic, partition, offset), { time, at: Date.now() });
}

export type RecordTimeWanted = { topic: string; partition: number; leader: number | null; offset: string; highWatermark: string };

/**
 * Reads the record times not cached yet, by topic: one Fetch per leader (records channel, READ_UNCOMMITTED: the
 * next record in the log, as the high watermark counts it), a second for partitions whose first batch held only
 * markers or earlier records, and for offsets below the log start (records deleted by retention) a read from the log
 * start: the oldest record left, whose age is then a lower bound. Never rejects; what fails stays unknown.
 */
export async function fillRecordTimes(connection: KafkaConnection, wanted: readonly RecordTimeWanted[]): Promise<void> {
  const todo = wanted
    .filter((w) => w.leader !== null && recordTime(connection.clusterId, w.topic, w.partition, w.offset) === undefined)
    .slice(0, MAX_LOOKUPS);
  const byTopic = new Map<string, RecordTimeWanted[]>();
  for (const w of todo) byTopic.set(w.topic, [...(byTopic.get(w.topic) ?? []), w]);
  await Promise.all([...byTopic].map(([topic, wants]) => fillTopic(connection, topic, wants).catch(() => {})));
}

async function fillTopic(connection: KafkaConnection, topic: string, wants: RecordTimeWanted[]) {
  let pending = wants.map((w) => ({ want: w, at: BigInt(w.offset) }));
  for (let round = 0; round < 3 && pending.length > 0; round += 1) {
    const asks: FetchAsk[] = pending.map((p) => ({
      partition: p.want.partition,
      leader: p.want.leader!,
      offset: p.at,
      maxBytes: PARTITION_MAX_BYTES,
    }));
    const results = new Map((await fetchRound(connection, topic, asks, 'read_uncommitted')).map((r) => [r.partition, r]));
    const next: typeof pending = [];
    const outOfRange: typeof pending = [];
    for (const p of pending) {
      const result = results.get(p.want.partition);
      if (!result) continue;
      if (!result.ok) {
        if (result.errorType === 'OFFSET_OUT_OF_RANGE' && round === 0) outOfRange.push(p);
        continue;
      }
      const first = result.batches.flatMap((b) => (b.batch.control ? [] : b.batch.records)).find((r) => r.offset >= p.at);
      if (first) remember(connection.clusterId, topic, p.want.partition, p.want.offset, first.timestamp);
      else if (result.nextOffset >= BigInt(p.want.highWatermark))
        remember(connection.clusterId, topic, p.want.partition, p.want.offset, 'markers-only');
      else if (result.nextOffset > p.at) next.push({ ...p, at: result.nextOffset });
    }
    if (outOfRange.length > 0) {
      const layout = [{ name: topic, partitions: outOfRange.map((p) => ({ partition: p.want.partition, leader: p.want.leader })) }];
      for (const row of await readOffsets(connection, layout)) {
        const p = outOfRange.find((o) => o.want.partition === row.partition)!;
        if (row.logStartOffset !== null && BigInt(row.logStartOffset) > p.at) next.push({ ...p, at: BigInt(row.logStartOffset) });
      }
    }
    pending = next;
  }
}
