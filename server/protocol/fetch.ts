import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

/** Kafka's isolation levels: READ_UNCOMMITTED reads up to the high watermark, READ_COMMITTED up to the LSO. */
export const ISOLATION = { READ_UNCOMMITTED: 0, READ_COMMITTED: 1 } as const;
export type IsolationLevel = (typeof ISOLATION)[keyof typeof ISOLATION];

export type FetchPartitionRequest = { partition: number; fetchOffset: bigint; maxBytes: number };

export type FetchInput = {
  isolationLevel: IsolationLevel;
  /** How long the broker may wait for `minBytes`; 0 answers at once with what is there (a browse). */
  maxWaitMs: number;
  minBytes: number;
  /** The whole response's byte limit; the first batch of the first partition comes whole whatever it says (KIP-74). */
  maxBytes: number;
  topics: { name: string; partitions: FetchPartitionRequest[] }[];
};

export type AbortedTransaction = { producerId: bigint; firstOffset: bigint };

export type FetchPartitionResponse = {
  partition: number;
  errorCode: number;
  highWatermark: bigint;
  /** -1 when the broker does not say (never below v4, which the console does not use). */
  lastStableOffset: bigint;
  logStartOffset: bigint;
  /** READ_COMMITTED only: the aborted transactions whose records fall in the returned range; null otherwise. */
  abortedTransactions: AbortedTransaction[] | null;
  /** The record batches as the broker sent them: a view of the response, decoded by the caller. */
  records: Buffer;
};

export type FetchResponse = { errorCode: number; topics: { name: string; partitions: FetchPartitionResponse[] }[] };

/**
 * Fetch (API 1) as a consumer sends it outside any fetch session (session id 0, epoch -1: the full list every time),
 * versions 4-12. v4 brings the isolation level, the LSO and the aborted transactions; v5 the log start offset; v7
 * sessions; v9 the current leader epoch (-1: unfenced); v11 the rack id; v12 is the first flexible version and adds
 * the last fetched epoch (-1). v13 replaces topic names by topic ids: the console stops at v12 (brokers answer v12
 * as long as they list v13+). Kafka 4.0 removed v0-v3 (KIP-896). Layouts from FetchRequest.json / FetchResponse.json.
 */
export const fetchApi: ProtocolApi<FetchInput, FetchResponse> = {
  apiKey: 1,
  apiName: 'Fetch',
  minVersion: 4,
  maxVersion: 12,
  flexibleFrom: 12,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 12);
    w.int32(-1); // replica id: a consumer
    w.int32(input.maxWaitMs).int32(input.minBytes).int32(input.maxBytes).int8(input.isolationLevel);
    if (version >= 7) w.int32(0).int32(-1); // no fetch session
    f.array(input.topics, (w, topic) => {
      f.string(topic.name);
      f.array(topic.partitions, (w, p) => {
        w.int32(p.partition);
        if (version >= 9) w.int32(-1); // current leader epoch
        w.int64(p.fetchOffset);
        if (version >= 12) w.int32(-1); // last fetched epoch
        if (version >= 5) w.int64(-1n); // log start offset: followers only
        w.int32(p.maxBytes);
        f.tags();
      });
      f.tags();
    });
    if (version >= 7) f.array([], () => {}); // forgotten topics
    if (version >= 11) f.string('');
    f.tags();
  },
  decode(r, version) {
    const flexible = version >= 12;
    const f = fieldReader(r, flexible);
    r.int32(); // throttle time
    const errorCode = version >= 7 ? r.int16() : 0;
    if (version >= 7) r.int32(); // session id
    const topics = f.array(() => {
      const name = f.string();
      const partitions = f.array((): FetchPartitionResponse => {
        const partition = r.int32();
        const partitionError = r.int16();
        const highWatermark = r.int64();
        const lastStableOffset = r.int64();
        const logStartOffset = version >= 5 ? r.int64() : -1n;
        const abortedCount = flexible ? r.uvarint() - 1 : r.int32();
        let abortedTransactions: AbortedTransaction[] | null = null;
        if (abortedCount >= 0) {
          abortedTransactions = [];
          for (let i = 0; i < abortedCount; i += 1) {
            abortedTransactions.push({ producerId: r.int64(), firstOffset: r.int64() });
            f.tags();
          }
        }
        if (version >= 11) r.int32(); // preferred read replica
        const records = f.bytes();
        f.tags(); // diverging epoch, current leader, snapshot id: follower concerns
        return { partition, errorCode: partitionError, highWatermark, lastStableOffset, logStartOffset, abortedTransactions, records };
      });
      f.tags();
      return { name, partitions };
    });
    f.tags();
    return { errorCode, topics };
  },
};

/** One Fetch on `broker` (the leader of every partition asked). */
export function fetchRecords(broker: KafkajsBroker, input: FetchInput): Promise<FetchResponse> {
  return sendRequest(broker, fetchApi, input);
}
