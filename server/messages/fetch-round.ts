import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { onBrokers } from '@/server/kafka/broker-wave';
import type { KafkaConnection } from '@/server/kafka/connection';
import { abortedByList, abortedByMarkers } from '@/server/messages/transactions';
import { fetchRecords, ISOLATION, type FetchPartitionResponse, type IsolationLevel } from '@/server/protocol/fetch';
import { decodeRecordBatches, type RecordBatch } from '@/server/protocol/records/record-batch';
import { kafkaError } from '@/server/kafka/send-request';

export type FetchAsk = { partition: number; leader: number; offset: bigint; maxBytes: number };

/** A batch as the reader shows it: `aborted` null while its transaction is undecided (READ_UNCOMMITTED only). */
export type VisibleBatch = { batch: RecordBatch; aborted: boolean | null };

export type FetchedPartition =
  | {
      partition: number;
      ok: true;
      batches: VisibleBatch[];
      highWatermark: bigint;
      lastStable: bigint;
      logStart: bigint;
      /** Where the next read of this partition starts: past the last complete batch, or the asked offset. */
      nextOffset: bigint;
    }
  | { partition: number; ok: false; errorType: string | null; error: string };

type Isolation = 'read_committed' | 'read_uncommitted';
const LEVEL: Record<Isolation, IsolationLevel> = { read_committed: ISOLATION.READ_COMMITTED, read_uncommitted: ISOLATION.READ_UNCOMMITTED };

/** The whole response's byte limit (the partitions' own limits add up to less in every read the console makes). */
const RESPONSE_MAX_BYTES = 16 * 1024 * 1024;

function fetchOnce(broker: KafkajsBroker, topic: string, asks: readonly FetchAsk[], isolation: IsolationLevel, maxWaitMs: number) {
  return fetchRecords(broker, {
    isolationLevel: isolation,
    maxWaitMs,
    minBytes: maxWaitMs > 0 ? 1 : 0,
    maxBytes: RESPONSE_MAX_BYTES,
    topics: [{ name: topic, partitions: asks.map((a) => ({ partition: a.partition, fetchOffset: a.offset, maxBytes: a.maxBytes })) }],
  });
}

function partitionOf(
  response: Awaited<ReturnType<typeof fetchRecords>>,
  topic: string,
  partition: number,
): FetchPartitionResponse | undefined {
  return response.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partition === partition);
}

function decoded(ask: FetchAsk, data: FetchPartitionResponse, isolation: Isolation): FetchedPartition {
  const error = kafkaError(data.errorCode);
  if (error) return { partition: ask.partition, ok: false, errorType: error.type, error: `${error.type}: ${error.message}` };
  let batches: RecordBatch[];
  try {
    batches = decodeRecordBatches(data.records);
  } catch (e) {
    return {
      partition: ask.partition,
      ok: false,
      errorType: null,
      error: `records from offset ${ask.offset} could not be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const aborted = isolation === 'read_committed' ? abortedByList(batches, data.abortedTransactions ?? []) : abortedByMarkers(batches);
  const last = batches.at(-1);
  return {
    partition: ask.partition,
    ok: true,
    batches: batches.map((batch, i) => ({ batch, aborted: aborted[i]! })),
    highWatermark: data.highWatermark,
    lastStable: data.lastStableOffset < 0n ? data.highWatermark : data.lastStableOffset,
    logStart: data.logStartOffset,
    nextOffset: last ? last.lastOffset + 1n : ask.offset,
  };
}

/**
 * READ_UNCOMMITTED marks aborted records instead of dropping them. Markers in the same response decide most
 * batches; the rest below the last stable offset are decided by a READ_COMMITTED fetch of the same range, whose
 * aborted-transaction list the Java consumer's sweep is run with. Batches at or above the LSO stay undecided (null):
 * their transaction is still open.
 */
async function decideOpenTransactions(broker: KafkajsBroker, topic: string, asks: FetchAsk[], fetched: Map<number, FetchedPartition>) {
  const undecided = asks.filter((ask) => {
    const f = fetched.get(ask.partition);
    return f?.ok && f.batches.some((b) => b.aborted === null && b.batch.lastOffset < f.lastStable);
  });
  if (undecided.length === 0) return;
  const response = await fetchOnce(broker, topic, undecided, ISOLATION.READ_COMMITTED, 0);
  for (const ask of undecided) {
    const f = fetched.get(ask.partition);
    const list = partitionOf(response, topic, ask.partition)?.abortedTransactions;
    if (!f?.ok || !list) continue;
    const byList = abortedByList(
      f.batches.map((b) => b.batch),
      list,
    );
    f.batches.forEach((b, i) => {
      if (b.aborted === null && b.batch.lastOffset < f.lastStable) b.aborted = byList[i]!;
    });
  }
}

/**
 * One Fetch per leader for the asked partitions, in parallel, on the records channel. Never rejects: a broker or a
 * partition that fails is a value. A partition that came back empty though records remain (a batch larger than its
 * share of a multi-partition answer, KIP-74) is asked again alone, where its first batch always comes whole.
 */
export async function fetchRound(
  connection: KafkaConnection,
  topic: string,
  asks: readonly FetchAsk[],
  isolation: Isolation,
  { maxWaitMs = 0, timeoutMs }: { maxWaitMs?: number; timeoutMs?: number } = {},
): Promise<FetchedPartition[]> {
  const byLeader = new Map<number, FetchAsk[]>();
  for (const ask of asks) byLeader.set(ask.leader, [...(byLeader.get(ask.leader) ?? []), ask]);
  const outcomes = await onBrokers(
    connection,
    [...byLeader.keys()],
    async (broker, leader) => {
      const led = byLeader.get(leader) ?? [];
      const fetched = new Map<number, FetchedPartition>();
      const read = async (group: FetchAsk[]) => {
        const response = await fetchOnce(broker, topic, group, LEVEL[isolation], maxWaitMs);
        for (const ask of group) {
          const data = partitionOf(response, topic, ask.partition);
          fetched.set(
            ask.partition,
            data
              ? decoded(ask, data, isolation)
              : { partition: ask.partition, ok: false, errorType: null, error: `broker ${leader} did not answer for this partition` },
          );
        }
      };
      await read(led);
      const end = (f: Extract<FetchedPartition, { ok: true }>) => (isolation === 'read_committed' ? f.lastStable : f.highWatermark);
      const starved = led.filter((ask) => {
        const f = fetched.get(ask.partition);
        return led.length > 1 && f?.ok && f.batches.length === 0 && ask.offset < end(f);
      });
      await Promise.all(starved.map((ask) => read([ask])));
      if (isolation === 'read_uncommitted') await decideOpenTransactions(broker, topic, led, fetched);
      return fetched;
    },
    { timeoutMs },
  );
  const results: FetchedPartition[] = [];
  for (const outcome of outcomes) {
    const led = byLeader.get(outcome.brokerId) ?? [];
    for (const ask of led) {
      if (outcome.ok) results.push(outcome.value.get(ask.partition)!);
      else results.push({ partition: ask.partition, ok: false, errorType: null, error: outcome.error });
    }
  }
  return results;
}
