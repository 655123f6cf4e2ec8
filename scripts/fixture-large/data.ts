// Data: a few records in every partition of every 5th topic, produced in large batches (one Produce request per
// leader broker per batch, not one per record). Partitions that already hold records are left alone.
import type { Kafka, TopicMessages } from '@/server/kafka/kafkajs';
import { Partitioners } from '@/server/kafka/kafkajs';
import type { EndOffsets } from './offsets';
import type { TopicPlan } from './plan';
import { eachLimited, log, progress } from './progress';

const MESSAGES_PER_BATCH = 5_000;
const CONCURRENT_BATCHES = 3;
const PADDING = 'x'.repeat(120);

/**
 * Produces the planned records into every planned partition whose end offset is 0, and returns the end offsets
 * updated with what it wrote. acks=all: the high watermark is the record count when sendBatch resolves.
 */
export async function ensureData(
  kafka: Kafka,
  plan: readonly TopicPlan[],
  endOffsets: EndOffsets,
): Promise<{ records: number; partitions: number; skipped: number }> {
  const wanted = plan.flatMap((t) =>
    t.recordsPerPartition.map((count, partition) => ({ topic: t.name, partition, count })).filter((p) => p.count > 0),
  );
  const todo = wanted.filter((p) => (endOffsets.get(p.topic)?.get(p.partition) ?? 0n) === 0n);
  const records = todo.reduce((a, p) => a + p.count, 0);
  log(
    `data: ${wanted.length - todo.length} of ${wanted.length} partitions already hold records, producing ${records} records into ${todo.length}`,
  );
  if (todo.length === 0) return { records: 0, partitions: 0, skipped: wanted.length };

  // Whole partitions per batch, batches of about MESSAGES_PER_BATCH records.
  const batches: (typeof todo)[] = [];
  let current: typeof todo = [];
  let size = 0;
  for (const p of todo) {
    if (size + p.count > MESSAGES_PER_BATCH && current.length) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(p);
    size += p.count;
  }
  if (current.length) batches.push(current);

  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const bar = progress('records produced', records);
  try {
    await eachLimited(batches, CONCURRENT_BATCHES, async (batch) => {
      const byTopic = new Map<string, TopicMessages>();
      for (const { topic, partition, count } of batch) {
        const entry = byTopic.get(topic) ?? byTopic.set(topic, { topic, messages: [] }).get(topic)!;
        for (let n = 0; n < count; n++) {
          entry.messages.push({ partition, key: `k${n}`, value: JSON.stringify({ fixture: true, topic, partition, n, pad: PADDING }) });
        }
      }
      await producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
      for (const { topic, partition, count } of batch) {
        const offsets = endOffsets.get(topic) ?? endOffsets.set(topic, new Map()).get(topic)!;
        offsets.set(partition, BigInt(count));
      }
      bar.tick(batch.reduce((a, p) => a + p.count, 0));
    });
  } finally {
    await producer.disconnect();
  }
  return { records, partitions: todo.length, skipped: wanted.length - todo.length };
}
