// The 5 active groups: real consumers that read their topic from the beginning and commit as they go. They keep
// running while --keep-active holds them; otherwise they leave once caught up and their groups are Empty.
import type { Admin, Consumer, Kafka } from '@/server/kafka/kafkajs';
import { endOffsetsOf } from './groups';
import type { EndOffsets } from './offsets';
import type { GroupPlan } from './plan';
import { log } from './progress';

const CATCH_UP_TIMEOUT_MS = 120_000;

/** True when the group's committed offsets reached the end offsets (consumers commit only what they read). */
async function caughtUp(admin: Admin, group: GroupPlan, endOffsets: EndOffsets) {
  const topics = group.topics.map((t) => t.topic);
  const committed = await admin.fetchOffsets({ groupId: group.groupId, topics });
  return topics.every((topic) => {
    const partitions = committed.find((c) => c.topic === topic)?.partitions ?? [];
    return [...endOffsetsOf(endOffsets, topic)].every(([p, end]) => BigInt(partitions.find((c) => c.partition === p)?.offset ?? -1) >= end);
  });
}

/**
 * Starts one consumer per active group that has not caught up (every one with `keep`), waits until all caught
 * up, and returns the running consumers (the caller disconnects them, at once or on Ctrl-C).
 */
export async function startActiveGroups(kafka: Kafka, admin: Admin, plan: readonly GroupPlan[], endOffsets: EndOffsets, keep: boolean) {
  const pending: GroupPlan[] = [];
  for (const group of plan) if (keep || !(await caughtUp(admin, group, endOffsets))) pending.push(group);
  log(
    keep
      ? `active groups: starting ${pending.length} consumer(s) to hold (--keep-active)`
      : `active groups: ${plan.length - pending.length} of ${plan.length} already committed; starting ${pending.length} consumer(s)`,
  );
  const consumers: Consumer[] = [];
  for (const group of pending) {
    const consumer = kafka.consumer({ groupId: group.groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({ topics: group.topics.map((t) => t.topic), fromBeginning: true });
    await consumer.run({ eachBatch: async () => {} });
    consumers.push(consumer);
  }
  const started = Date.now();
  const waiting = new Set(pending);
  while (waiting.size) {
    for (const group of [...waiting]) if (await caughtUp(admin, group, endOffsets)) waiting.delete(group);
    if (!waiting.size) break;
    if (Date.now() - started > CATCH_UP_TIMEOUT_MS)
      throw new Error(`active groups did not catch up: ${[...waiting].map((g) => g.groupId).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  if (pending.length) log(`  active groups caught up: ${pending.length}/${pending.length}`);
  return { started: pending.length, consumers };
}
