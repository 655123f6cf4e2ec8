// Topics: create the missing ones in batches, wait until every replica is in sync, or delete them all (--clean).
import type { Admin, PartitionMetadata } from '@/server/kafka/kafkajs';
import { TOPIC_NAME, type TopicPlan } from './plan';
import { chunk, log, progress, seconds } from './progress';

/** Topics per CreateTopics/DeleteTopics request: about 1,000 partitions each, well within the controller's limits. */
const TOPICS_PER_REQUEST = 100;
const REQUEST_TIMEOUT_MS = 60_000;
const IN_SYNC_TIMEOUT_MS = 300_000;

export type TopicsOutcome = { created: number; existing: number; mismatched: string[] };

/** Layout of the fixture topics on the cluster now (one Metadata request for all topics). */
export async function fixtureLayout(admin: Admin): Promise<Map<string, PartitionMetadata[]>> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [] });
  return new Map(topics.filter((t) => TOPIC_NAME.test(t.name)).map((t) => [t.name, t.partitions]));
}

export async function ensureTopics(admin: Admin, plan: readonly TopicPlan[]): Promise<TopicsOutcome> {
  const existing = await fixtureLayout(admin);
  const missing = plan.filter((t) => !existing.has(t.name));
  // Re-runs never alter what exists; a topic someone changed is reported, not "fixed".
  const mismatched = plan
    .filter((t) => existing.has(t.name))
    .filter((t) => {
      const partitions = existing.get(t.name)!;
      return partitions.length !== t.partitions || partitions.some((p) => p.replicas.length !== t.replicationFactor);
    })
    .map((t) => t.name);
  log(
    `topics: ${existing.size} of ${plan.length} exist, creating ${missing.length} (${missing.reduce((a, t) => a + t.partitions, 0)} partitions)`,
  );
  const bar = progress('topics created', missing.length);
  for (const batch of chunk(missing, TOPICS_PER_REQUEST)) {
    // waitForLeaders: false — kafkajs would poll Metadata per batch; waitInSync checks everything once at the end.
    await admin.createTopics({
      topics: batch.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: t.replicationFactor })),
      timeout: REQUEST_TIMEOUT_MS,
      waitForLeaders: false,
    });
    bar.tick(batch.length);
  }
  return { created: missing.length, existing: existing.size, mismatched };
}

/** Waits until every planned partition exists, has a leader and a full ISR (brokers create replicas asynchronously). */
export async function waitInSync(admin: Admin, plan: readonly TopicPlan[]): Promise<void> {
  const started = Date.now();
  const total = plan.reduce((a, t) => a + t.partitions, 0);
  let lastPrinted = 0;
  for (;;) {
    const layout = await fixtureLayout(admin);
    let ready = 0;
    for (const t of plan) {
      for (const p of layout.get(t.name) ?? []) if (p.leader >= 0 && p.isr.length === p.replicas.length) ready += 1;
    }
    if (ready >= total) {
      log(`  partitions with a leader and a full ISR: ${ready}/${total} (${seconds(Date.now() - started)})`);
      return;
    }
    if (Date.now() - started > IN_SYNC_TIMEOUT_MS)
      throw new Error(`only ${ready} of ${total} partitions in sync after ${seconds(IN_SYNC_TIMEOUT_MS)}`);
    if (Date.now() - lastPrinted >= 2_000) {
      lastPrinted = Date.now();
      log(`  partitions with a leader and a full ISR: ${ready}/${total} (${seconds(Date.now() - started)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Deletes every topic named like the fixture's, in batches; waits until Metadata no longer lists them. */
export async function deleteFixtureTopics(admin: Admin): Promise<number> {
  const names = [...(await fixtureLayout(admin)).keys()].sort();
  log(`topics: deleting ${names.length}`);
  const bar = progress('topics deleted', names.length);
  for (const batch of chunk(names, TOPICS_PER_REQUEST)) {
    await admin.deleteTopics({ topics: batch, timeout: REQUEST_TIMEOUT_MS });
    bar.tick(batch.length);
  }
  const started = Date.now();
  while ((await fixtureLayout(admin)).size > 0) {
    if (Date.now() - started > IN_SYNC_TIMEOUT_MS) throw new Error('deleted topics are still listed after 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return names.length;
}
