// The door to kafkajs (2.2.4, frozen; see the README's "Kafka transport"): the only names of kafkajs, public or
// internal, that code outside server/kafka/ may use — the console's protocol modules, and the tests' and scripts'
// clients that produce fixtures. Lint refuses any other import of kafkajs outside this folder, so replacing the
// transport is a change to server/kafka/ alone. No `server-only` here: scripts and tests import it too.
//
// kafkajs is CommonJS, and Node's ESM loader does not see all of its named exports: values come from the default
// export; each name is also exported as a type where kafkajs declares one.
import kafkajs from 'kafkajs';
import type * as Kafkajs from 'kafkajs';
import Cluster, { type ClusterOptions } from 'kafkajs/src/cluster/index.js';
import InstrumentationEventEmitter from 'kafkajs/src/instrumentation/emitter.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory.js';

export const { Kafka, logLevel, Partitioners, ConfigResourceTypes } = kafkajs;
export type Kafka = Kafkajs.Kafka;
export type logLevel = Kafkajs.logLevel;

export type {
  Admin,
  Consumer,
  ConsumerConfig,
  EachBatchPayload,
  LogEntry,
  logCreator,
  PartitionMetadata,
  Producer,
  ProducerRecord,
  SASLOptions,
  SeekEntry,
  TopicMessages,
} from 'kafkajs';

/** A broker connection as kafkajs's cluster hands it out; the protocol modules send their requests on it. */
export type { KafkajsBroker, KafkajsConfigResource, KafkajsMetadata } from 'kafkajs/src/broker/index.js';
export type { KafkaRequestDefinition } from 'kafkajs/src/protocol/request.js';

export type { Cluster };

/**
 * kafkajs's Cluster on its own, without an admin or a consumer, silent, not retrying: for scripts that send in
 * bulk what kafkajs's admin only sends one topic at a time (the large fixture's end offsets).
 */
export function bareCluster(
  options: Omit<
    ClusterOptions,
    'logger' | 'socketFactory' | 'instrumentationEmitter' | 'retry' | 'enforceRequestTimeout' | 'allowAutoTopicCreation'
  >,
  logCreator: Kafkajs.logCreator,
): Cluster {
  return new Cluster({
    ...options,
    logger: createLogger({ level: logLevel.NOTHING, logCreator }),
    socketFactory: defaultSocketFactory(),
    instrumentationEmitter: new InstrumentationEventEmitter(),
    retry: { retries: 0 },
    enforceRequestTimeout: true,
    allowAutoTopicCreation: false,
  });
}
