import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type CreateTopicsInput = {
  topics: {
    name: string;
    /** -1 when `assignments` are given, or for the broker's num.partitions (v4+, KIP-464). */
    numPartitions: number;
    /** -1 when `assignments` are given, or for the broker's default.replication.factor (v4+). */
    replicationFactor: number;
    /** Manual placement, one entry per partition (replicas in preference order); empty for automatic. */
    assignments: { partition: number; brokerIds: number[] }[];
    configs: { name: string; value: string | null }[];
  }[];
  timeoutMs: number;
  /** Kafka checks everything (names, configs, placement) and answers what it would create, creating nothing. */
  validateOnly: boolean;
};

export type CreatedTopicConfig = { name: string; value: string | null; readOnly: boolean; configSource: number; isSensitive: boolean };

export type CreateTopicResult = {
  name: string;
  /** v7: the new topic's id as kafka-topics prints it (base64url); null on errors, under validateOnly and before v7. */
  topicId: string | null;
  /** TOPIC_ALREADY_EXISTS (36), INVALID_PARTITIONS (37), INVALID_REPLICATION_FACTOR (38), INVALID_CONFIG (40), … */
  errorCode: number;
  errorMessage: string | null;
  /** v5+ (KIP-525): what the topic got (or would get under validateOnly); null before v5 and when Kafka says -1. */
  numPartitions: number | null;
  replicationFactor: number | null;
  /** v5+: every config of the topic with its source (a refused topic: empty on 3.9 and 4.x); null before v5. */
  configs: CreatedTopicConfig[] | null;
};

/** Kafka's Uuid.ZERO_UUID as the base64url text Reader.uuid() yields: "no id". */
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

/**
 * CreateTopics (API 19), versions 2-7: Kafka 4.0 removed v0-v1 (KIP-896) and 3.9 serves 0-7, so v2 is the oldest
 * both speak. v5 is the first flexible version and answers the created topic's partitions, replication factor and
 * configs; v7 adds its topic id. Layouts from Kafka's CreateTopicsRequest.json / CreateTopicsResponse.json.
 */
export const createTopicsApi: ProtocolApi<CreateTopicsInput, CreateTopicResult[]> = {
  apiKey: 19,
  apiName: 'CreateTopics',
  minVersion: 2,
  maxVersion: 7,
  flexibleFrom: 5,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 5);
    f.array(input.topics, (w, topic) => {
      f.string(topic.name);
      w.int32(topic.numPartitions).int16(topic.replicationFactor);
      f.array(topic.assignments, (w, assignment) => {
        w.int32(assignment.partition);
        f.array(assignment.brokerIds, (w, id) => w.int32(id));
        f.tags();
      });
      f.array(topic.configs, (_w, config) => {
        f.string(config.name);
        f.string(config.value);
        f.tags();
      });
      f.tags();
    });
    w.int32(input.timeoutMs).bool(input.validateOnly);
    f.tags();
  },
  decode(r, version) {
    const flexible = version >= 5;
    const f = fieldReader(r, flexible);
    r.int32(); // throttle time
    const topics = f.array((r): CreateTopicResult => {
      const name = f.string();
      const id = version >= 7 ? r.uuid() : ZERO_UUID;
      const errorCode = r.int16();
      const errorMessage = f.nullableString();
      let numPartitions: number | null = null;
      let replicationFactor: number | null = null;
      let configs: CreatedTopicConfig[] | null = null;
      if (flexible) {
        const partitions = r.int32();
        const replicas = r.int16();
        numPartitions = partitions >= 0 ? partitions : null;
        replicationFactor = replicas >= 0 ? replicas : null;
        configs = nullableConfigs(r);
      }
      // Tags include TopicConfigErrorCode (tag 0), sent instead of configs the caller may not describe.
      f.tags();
      return { name, topicId: id === ZERO_UUID ? null : id, errorCode, errorMessage, numPartitions, replicationFactor, configs };
    });
    f.tags();
    return topics;
  },
};

/** A nullable compact array (only in flexible versions): fieldReader's array reads null as empty, this keeps it. */
function nullableConfigs(r: Reader): CreatedTopicConfig[] | null {
  const length = r.uvarint();
  if (length === 0) return null;
  const configs: CreatedTopicConfig[] = [];
  for (let i = 0; i < length - 1; i += 1) {
    const config = {
      name: r.compactString(),
      value: r.compactNullableString(),
      readOnly: r.bool(),
      configSource: r.int8(),
      isSensitive: r.bool(),
    };
    r.taggedFields();
    configs.push(config);
  }
  return configs;
}

/**
 * CreateTopics on `broker`, which must be the controller on ZooKeeper clusters (others answer NOT_CONTROLLER,
 * see onController in server/kafka/controller.ts). Per-topic errors are returned, not thrown.
 */
export async function createTopics(broker: KafkajsBroker, input: CreateTopicsInput): Promise<CreateTopicResult[]> {
  const results = await sendRequest(broker, createTopicsApi, input);
  // KRaft answers a validateOnly request with a freshly drawn id that no topic will ever have: not an id.
  return input.validateOnly ? results.map((result) => ({ ...result, topicId: null })) : results;
}
