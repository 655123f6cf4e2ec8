import 'server-only';
import type { KafkajsBroker, KafkajsMetadata } from 'kafkajs/src/broker/index.js';
import type Cluster from 'kafkajs/src/cluster/index.js';
import type { KafkaRequestDefinition } from 'kafkajs/src/protocol/request.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';

const METADATA_API_KEY = 3;

/**
 * Partition errors with which Kafka still answers the partition's full layout (replicas, ISR, offline replicas):
 * LEADER_NOT_AVAILABLE (5, no live leader: an RF-1 partition on a stopped broker, an election pending),
 * REPLICA_NOT_AVAILABLE (9) and LISTENER_NOT_FOUND (72, leader id -1).
 */
const LAYOUT_STILL_VALID = new Set([5, 9, 72]);

/**
 * kafkajs's Metadata parse throws away the whole answer when any one partition carries an error code, so a
 * single leaderless partition anywhere made every Metadata request fail: the snapshot (every cluster view
 * answered 503) and kafkajs's own broker discovery alike. This parse keeps kafkajs's behaviour for topic errors
 * and other partition errors, and returns the answer when partitions merely have no live leader; their
 * `partitionErrorCode` and `leader: -1` stay in the metadata for the console to show.
 */
export async function parseMetadata(data: unknown): Promise<KafkajsMetadata> {
  const metadata = data as KafkajsMetadata;
  const topicError = metadata.topicMetadata.find((t) => t.topicErrorCode !== 0);
  if (topicError) throw createErrorFromCode(topicError.topicErrorCode);
  for (const topic of metadata.topicMetadata) {
    const failed = topic.partitionMetadata.find((p) => p.partitionErrorCode !== 0 && !LAYOUT_STILL_VALID.has(p.partitionErrorCode));
    if (failed) throw createErrorFromCode(failed.partitionErrorCode);
  }
  return metadata;
}

const patched = Symbol('lenientMetadata');
type Pool = KafkajsBroker['connectionPool'] & { [patched]?: true };

function patchBroker(broker: KafkajsBroker): KafkajsBroker {
  const pool: Pool = broker.connectionPool;
  if (pool[patched]) return broker;
  const send = pool.send.bind(pool);
  pool.send = <T>(definition: KafkaRequestDefinition<T>) =>
    definition.request.apiKey === METADATA_API_KEY
      ? send<T>({ ...definition, response: { ...definition.response, parse: parseMetadata as (decoded: unknown) => Promise<T> } })
      : send<T>(definition);
  pool[patched] = true;
  return broker;
}

/** Every broker connection kafkajs creates for `cluster` (seed broker included) parses Metadata with `parseMetadata`. */
export function tolerateLeaderlessPartitions(cluster: Cluster) {
  const pool = cluster.brokerPool;
  const createBroker = pool.createBroker;
  pool.createBroker = (options) => patchBroker(createBroker(options));
}
