import 'server-only';
import { randomInt } from 'node:crypto';
import { ApiError } from '@/lib/errors';
import type { ParsedProduceInput, ProduceResult } from '@/lib/schemas/messages';
import { isInternalTopicName } from '@/lib/schemas/topic-name';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { toApiError } from '@/server/kafka/errors';
import { readTopicConfigValues } from '@/server/kafka/topic-configs';
import { partitionForKey } from '@/server/messages/murmur2';
import { readTopicLeaders } from '@/server/messages/topic-bounds';
import { produceBatch, type ProduceResult as WireResult } from '@/server/protocol/produce';
import { encodeRecordBatch } from '@/server/protocol/records/encode-batch';
import { kafkaError } from '@/server/kafka/send-request';

/** How long the broker waits for the in-sync replicas (acks=-1) before it answers REQUEST_TIMED_OUT. */
const PRODUCE_TIMEOUT_MS = 5_000;
const LEADER_MOVED = new Set(['NOT_LEADER_OR_FOLLOWER', 'NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE']);

const bytesOf = (text: string | null, encoding: 'utf8' | 'base64') => (text === null ? null : Buffer.from(text, encoding));
const fieldError = (field: string, message: string) => new ApiError('VALIDATION', message, { fieldErrors: { [field]: [message] } });

/** The partition the record goes to: the asked one, the key's (Kafka's default partitioner), or any with a leader. */
function choosePartition(input: ParsedProduceInput, key: Buffer | null, leaders: Map<number, number | null>): number {
  if (input.partition !== undefined) {
    if (!leaders.has(input.partition)) throw fieldError('partition', `The topic has ${leaders.size} partitions (0-${leaders.size - 1})`);
    return input.partition;
  }
  if (key !== null) return partitionForKey(key, leaders.size);
  const live = [...leaders].filter(([, leader]) => leader !== null).map(([p]) => p);
  if (live.length === 0) throw new ApiError('KAFKA_UNAVAILABLE', 'No partition of the topic has a leader');
  return live[randomInt(live.length)]!;
}

async function sendOnce(connection: KafkaConnection, leader: number, args: Parameters<typeof produceBatch>[1]): Promise<WireResult> {
  const [outcome] = await onBrokers(connection, [leader], (broker) => produceBatch(broker, args), {
    timeoutMs: PRODUCE_TIMEOUT_MS + 3_000,
  });
  if (!outcome!.ok)
    throw new ApiError('KAFKA_UNAVAILABLE', `The partition leader (broker ${leader}) did not take the record: ${outcome!.error}`);
  return outcome!.value;
}

/** Kafka's refusal of the record, on the field it is about. */
function refusal(result: WireResult, clusterId: string, maxMessageBytes: number | null): ApiError {
  const error = kafkaError(result.errorCode)!;
  const detail = result.recordErrors[0]?.message ?? result.errorMessage ?? error.message;
  if (error.type === 'MESSAGE_TOO_LARGE' || error.type === 'RECORD_LIST_TOO_LARGE') {
    return fieldError(
      'value',
      `Kafka refused the record as too large${maxMessageBytes ? ` (max.message.bytes = ${maxMessageBytes})` : ''}`,
    );
  }
  if (error.type === 'INVALID_RECORD') return fieldError(/key/i.test(detail) ? 'key' : 'value', `Kafka refused the record: ${detail}`);
  return toApiError(Object.assign(error, { message: detail }), clusterId);
}

/**
 * Produces one record as a plain (non-idempotent, non-transactional) producer: one v2 batch with the chosen codec,
 * checked against the topic's max.message.bytes before it is sent (the broker checks the same size, the whole batch),
 * to the partition's leader with acks -1 or 1. A leader that moved is looked up again once; nothing else is retried,
 * so a record is never written twice.
 */
export async function produceMessage(clusterId: string, topic: string, input: ParsedProduceInput): Promise<ProduceResult> {
  if (isInternalTopicName(topic))
    throw new ApiError('FORBIDDEN', `"${topic}" is one of Kafka's internal topics: the console does not write to them`);
  const key = bytesOf(input.key, input.keyEncoding);
  const timestamp = Date.now();
  const batch = await encodeRecordBatch(
    [
      {
        key,
        value: bytesOf(input.value, input.valueEncoding),
        headers: input.headers.map((h) => ({ key: h.key, value: bytesOf(h.value, h.valueEncoding) })),
        timestamp,
      },
    ],
    input.compression,
  );
  return withKafka(
    clusterId,
    async (connection) => {
      let leaders = await readTopicLeaders(connection, topic);
      const partition = choosePartition(input, key, leaders);
      const maxValue = (await readTopicConfigValues(connection, [topic], ['max.message.bytes'])).get(topic)?.get('max.message.bytes');
      const maxMessageBytes = maxValue ? Number(maxValue) : null;
      if (maxMessageBytes !== null && batch.length > maxMessageBytes) {
        throw fieldError(
          'value',
          `The record takes ${batch.length} bytes as a batch${input.compression === 'none' ? '' : ` (${input.compression})`}; the topic allows ${maxMessageBytes} (max.message.bytes)`,
        );
      }
      for (let attempt = 0; ; attempt += 1) {
        const leader = leaders.get(partition);
        if (leader === null || leader === undefined)
          throw new ApiError('KAFKA_UNAVAILABLE', `Partition ${partition} has no leader: nothing can be written to it now`);
        const result = await sendOnce(connection, leader, { acks: input.acks, timeoutMs: PRODUCE_TIMEOUT_MS, topic, partition, batch });
        if (result.errorCode === 0)
          return { partition, offset: result.baseOffset, timestamp: result.logAppendTimeMs >= 0 ? result.logAppendTimeMs : timestamp };
        if (attempt === 0 && LEADER_MOVED.has(kafkaError(result.errorCode)!.type)) {
          leaders = await readTopicLeaders(connection, topic);
          continue;
        }
        throw refusal(result, clusterId, maxMessageBytes);
      }
    },
    { channel: 'records' },
  );
}
