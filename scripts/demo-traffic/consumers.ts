// The consumer groups that keep running: one that keeps up and one that is throttled so its lag grows.
import type { Consumer, ConsumerConfig, EachBatchPayload, Kafka } from '@/server/kafka/kafkajs';
import { createThrottle } from './rates';
import { sleep } from './time';

export type OnConsumed = (groupId: string, count: number) => void;

type MemberOptions = {
  groupId: string;
  topic: string;
  eachBatch: (payload: EachBatchPayload) => Promise<void>;
  config?: Partial<ConsumerConfig>;
  autoResolve?: boolean;
  /** Registered before run(), because run() only resolves after the first join. */
  onGroupJoin?: () => void;
};

/** One group member; several calls with the same groupId give a multi-member group. */
export async function startMember(kafka: Kafka, options: MemberOptions): Promise<Consumer> {
  // 1 s long-poll instead of kafkajs' 5 s default so stop()/disconnect() return quickly on shutdown.
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 1000, ...options.config });
  const { onGroupJoin } = options;
  if (onGroupJoin) consumer.on(consumer.events.GROUP_JOIN, () => onGroupJoin());
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  await consumer.run({
    autoCommitInterval: 1000,
    eachBatchAutoResolve: options.autoResolve ?? true,
    eachBatch: options.eachBatch,
  });
  return consumer;
}

/** Keeps up easily: counting is all the "work" there is, and offsets are committed every second. */
export async function startFulfilment(kafka: Kafka, onConsumed: OnConsumed, members = 2): Promise<Consumer[]> {
  const groupId = 'orders-fulfilment';
  return Promise.all(
    Array.from({ length: members }, () =>
      startMember(kafka, { groupId, topic: 'orders', eachBatch: async ({ batch }) => onConsumed(groupId, batch.messages.length) }),
    ),
  );
}

const ANALYTICS_CHUNK = 4;

/**
 * Processes at most msgsPerSec (simulated slow work), below what clickstream receives, so lag grows steadily.
 * Small fetches keep each batch a couple of seconds long, so all 12 partitions advance together.
 */
export async function startAnalytics(kafka: Kafka, onConsumed: OnConsumed, msgsPerSec: number, signal: AbortSignal) {
  const groupId = 'clickstream-analytics';
  const throttle = createThrottle(msgsPerSec);
  return startMember(kafka, {
    groupId,
    topic: 'clickstream',
    config: { maxBytesPerPartition: 8 * 1024, maxBytes: 64 * 1024 },
    // Offsets are resolved chunk by chunk, so a shutdown mid-batch does not commit unprocessed messages.
    autoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
      for (let i = 0; i < batch.messages.length; i += ANALYTICS_CHUNK) {
        if (!isRunning() || isStale() || signal.aborted) return;
        const chunk = batch.messages.slice(i, i + ANALYTICS_CHUNK);
        await sleep(throttle.delayMs(chunk.length, Date.now()), signal);
        const last = chunk[chunk.length - 1];
        if (signal.aborted || !last) return;
        resolveOffset(last.offset);
        onConsumed(groupId, chunk.length);
        await heartbeat();
        await commitOffsetsIfNecessary();
      }
    },
  });
}
