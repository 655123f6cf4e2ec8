import 'server-only';
import type { KafkajsBroker, KafkajsMetadata } from 'kafkajs/src/broker/index.js';
import type { KafkaConnection } from '@/server/kafka/connection';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { isUnreachable } from '@/server/kafka/errors';

/** kafkajs keeps its last Metadata answer on the broker pool (not declared in kafkajs-internals.d.ts). */
type PoolWithMetadata = KafkaConnection['cluster']['brokerPool'] & { metadata?: KafkajsMetadata | null };

const noController = () =>
  // Named like kafkajs's own error so it maps to KAFKA_UNAVAILABLE (ZooKeeper: no controller elected right now).
  Object.assign(new Error('the cluster reports no controller'), { name: 'KafkaJSBrokerNotFound' });

/**
 * The broker to send CreateTopics, CreatePartitions and DeleteTopics to: the controller on ZooKeeper clusters
 * (other brokers answer NOT_CONTROLLER); on KRaft Metadata's controller id is a random live broker, which
 * forwards them to the quorum, and that is just as right.
 *
 * Where the id comes from, cheapest first: kafkajs's cached Metadata answer costs nothing. A fresh one costs a
 * Metadata request for every topic whatever the console does: kafkajs encodes `broker.metadata([])` as a null
 * list (= all topics) and cannot ask for none, and its refreshMetadata() asks for its target topics (none here,
 * so all). Only refreshMetadata() also fills the broker pool findBroker() needs, so that one request serves both. The cache is only refreshed when it is empty, when the cached controller cannot be
 * reached (kafkajs has refreshed by then anyway), or when asked (`fresh`, after NOT_CONTROLLER). A stale id is
 * harmless: the old controller answers NOT_CONTROLLER without doing anything, and onControllerWithRetry() asks
 * again with fresh metadata.
 */
async function findController(connection: KafkaConnection, fresh: boolean): Promise<KafkajsBroker> {
  const pool = connection.cluster.brokerPool as PoolWithMetadata;
  const cachedId = pool.metadata?.controllerId ?? -1;
  if (fresh || cachedId < 0 || !pool.brokers[cachedId]) await connection.cluster.refreshMetadata();
  const id = pool.metadata?.controllerId ?? -1;
  if (id < 0) throw noController();
  try {
    return await connection.cluster.findBroker({ nodeId: id });
  } catch (error) {
    // The controller in the cache is gone (KRaft: that broker stopped; ZooKeeper: it failed over). kafkajs's
    // findBroker has refreshed its metadata on the way out: one more try with the new answer.
    if (fresh) throw error;
    return findController(connection, true);
  }
}

/**
 * Runs `work` on the controller (see findController). Retrying is the caller's choice: a NOT_CONTROLLER answer
 * comes back as per-topic error codes, not as an exception; use onControllerWithRetry for those.
 */
export async function onController<T>(
  connection: KafkaConnection,
  work: (broker: KafkajsBroker) => Promise<T>,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<T> {
  try {
    return await work(await findController(connection, fresh));
  } catch (error) {
    // A broker that just stopped can still look connected in kafkajs's pool until the request fails on its socket:
    // once more on the controller of fresh metadata. A refusal by Kafka itself is not retried.
    if (fresh || !isUnreachable(error)) throw error;
    return work(await findController(connection, true));
  }
}

/** True when a controller request was refused as a whole: every result NOT_CONTROLLER (nothing was changed). */
export function refusedByNonController(results: readonly { errorCode: number }[]) {
  return results.length > 0 && results.every((result) => result.errorCode === KafkaErrorCode.NOT_CONTROLLER);
}

/**
 * onController for work answering per-topic results (createTopics, createPartitions, deleteTopics): when every
 * result is NOT_CONTROLLER the controller moved since kafkajs last read Metadata, so it runs `work` once more on
 * the controller of fresh metadata. Safe to repeat: a refusing broker changed nothing. Partial NOT_CONTROLLER
 * results (a controller move mid-request) are returned as they are, for the caller to report.
 */
export async function onControllerWithRetry<R extends { errorCode: number }>(
  connection: KafkaConnection,
  work: (broker: KafkajsBroker) => Promise<R[]>,
): Promise<R[]> {
  const results = await onController(connection, work);
  if (!refusedByNonController(results)) return results;
  return onController(connection, work, { fresh: true });
}
