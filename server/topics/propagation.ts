import 'server-only';
import { onBrokers } from '@/server/kafka/broker-wave';
import type { KafkaConnection } from '@/server/kafka/connection';

/** How long a change may take to reach every broker before the console answers anyway (the change is made). */
const PROPAGATION_TIMEOUT_MS = 5_000;
const PAUSE_MS = 150;

/**
 * Kafka answers a topic change once its controller has made it; each broker's metadata cache learns of it a
 * little later. Polls `done` until it holds, so that the answer and the next page read show the change; false
 * when it did not hold in time (the caller answers anyway: the change itself succeeded).
 */
export async function untilPropagated(done: () => Promise<boolean>, { timeoutMs = PROPAGATION_TIMEOUT_MS } = {}): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await done().catch(() => false)) return true;
    if (Date.now() >= end) return false;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

/**
 * The topic as each of the (live) brokers' metadata cache has it: its number of partitions once every partition has a
 * leader, -1 while some has none yet, null when the broker does not know the topic (or did not answer).
 */
export async function topicOnEveryBroker(
  connection: KafkaConnection,
  brokerIds: readonly number[],
  topic: string,
): Promise<(number | null)[]> {
  const outcomes = await onBrokers(connection, brokerIds, async (broker) => {
    const { topicMetadata } = await broker.metadata([topic]);
    const partitions = topicMetadata.find((t) => t.topic === topic)?.partitionMetadata ?? [];
    return partitions.every((p) => p.leader >= 0) ? partitions.length : -1;
  });
  return outcomes.map((o) => (o.ok ? o.value : null));
}
