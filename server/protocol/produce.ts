import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type ProduceInput = {
  /** -1: every in-sync replica; 1: the leader. (0 is not offered: the broker would send no answer to wait for.) */
  acks: -1 | 1;
  /** How long the broker waits for the replicas before answering REQUEST_TIMED_OUT. */
  timeoutMs: number;
  topic: string;
  partition: number;
  /** One encoded v2 record batch. */
  batch: Buffer;
};

export type ProduceResult = {
  errorCode: number;
  errorMessage: string | null;
  baseOffset: string;
  /** The broker's append time for LogAppendTime topics; -1 for CreateTime topics. */
  logAppendTimeMs: number;
  /** Per-record refusals of the batch (v8+), e.g. a compacted topic's record without a key. */
  recordErrors: { batchIndex: number; message: string | null }[];
};

/**
 * Produce (API 0) of one batch to one partition, as a non-transactional producer, versions 3-11. v3 is the first
 * that carries v2 record batches and a transactional id (null here); v5 adds the log start offset, v8 per-record
 * errors, v9 is the first flexible version. v12 changes nothing on the wire for a non-transactional producer
 * (KIP-890) and v13 replaces the topic name by its id: the console stops at v11. Kafka 4.0 removed v0-v2 (KIP-896).
 * Layouts from ProduceRequest.json / ProduceResponse.json.
 */
export const produceApi: ProtocolApi<ProduceInput, ProduceResult> = {
  apiKey: 0,
  apiName: 'Produce',
  minVersion: 3,
  maxVersion: 11,
  flexibleFrom: 9,
  encode(w, input, version) {
    const flexible = version >= 9;
    const f = fieldWriter(w, flexible);
    f.string(null); // transactional id
    w.int16(input.acks).int32(input.timeoutMs);
    f.array([input.topic], (w, topic) => {
      f.string(topic);
      f.array([input.partition], (w, partition) => {
        w.int32(partition);
        if (flexible) w.uvarint(input.batch.length + 1);
        else w.int32(input.batch.length);
        w.raw(input.batch);
        f.tags();
      });
      f.tags();
    });
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 9);
    let result = null as ProduceResult | null;
    f.array(() => {
      f.string(); // topic
      f.array(() => {
        r.int32(); // partition index
        const errorCode = r.int16();
        const baseOffset = r.int64String();
        const logAppendTimeMs = Number(r.int64());
        if (version >= 5) r.int64(); // log start offset
        const recordErrors =
          version >= 8
            ? f.array(() => {
                const batchIndex = r.int32();
                const message = f.nullableString();
                f.tags();
                return { batchIndex, message };
              })
            : [];
        const errorMessage = version >= 8 ? f.nullableString() : null;
        f.tags();
        result = { errorCode, errorMessage, baseOffset, logAppendTimeMs, recordErrors };
      });
      f.tags();
    });
    r.int32(); // throttle time
    f.tags();
    if (!result) throw new Error('the broker answered without the partition');
    return result;
  },
};

/** Sends one batch to the leader of its partition. */
export function produceBatch(broker: KafkajsBroker, input: ProduceInput): Promise<ProduceResult> {
  return sendRequest(broker, produceApi, input);
}
