// The 495 Empty groups: offsets committed with kafkajs's admin.setOffsets, which needs a group with no members.
import type { Admin, Kafka } from '@/server/kafka/kafkajs';
import { endOffsetsOf, uncommitted } from './groups';
import type { EndOffsets } from './offsets';
import { plannedOffset, type GroupPlan } from './plan';
import { log, progress } from './progress';

/**
 * admin.setOffsets joins the group with a throwaway consumer, seeks (one OffsetCommit per partition), and stops it
 * at its first fetch — which, the topic being paused, kafkajs only reaches after sleeping maxWaitTimeInMs (5 s,
 * not settable through the admin). So each call takes 5–10 s whatever the group's size, and throughput comes
 * from concurrency. One admin client per worker: on one shared admin the calls contend for its metadata (a
 * refresh over every topic any call has touched) and ran ~3× slower.
 *
 * It can also resolve early: its consumer fetches per leader broker, and the first broker's FETCH event stops
 * the consumer while the seeks (commits) of partitions led by another broker might still be pending. Not seen in
 * 1,700 calls, but cheap to rule out: every call is checked with fetchOffsets and missing partitions set again.
 */
const WORKERS = 48;
const SET_OFFSETS_ATTEMPTS = 4;

/** setOffsets, then fetchOffsets; partitions it did not commit are set again. Returns the number of retries. */
async function setOffsetsChecked(admin: Admin, groupId: string, topic: string, offsets: Map<number, string>, endOffsets: EndOffsets) {
  let partitions = [...offsets.keys()];
  for (let attempt = 1; ; attempt++) {
    await admin.setOffsets({ groupId, topic, partitions: partitions.map((partition) => ({ partition, offset: offsets.get(partition)! })) });
    partitions = (await uncommitted(admin, groupId, [topic], endOffsets)).get(topic) ?? [];
    if (partitions.length === 0) return attempt - 1;
    if (attempt === SET_OFFSETS_ATTEMPTS)
      throw new Error(`${groupId}: partitions ${partitions.join(',')} of ${topic} still uncommitted after ${attempt} setOffsets calls`);
  }
}

/** Runs `work` on every item, each worker (its own admin client) taking the next item when done with one. */
async function onWorkers<T>(admins: readonly Admin[], items: readonly T[], work: (admin: Admin, item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    admins.map(async (admin) => {
      while (next < items.length) await work(admin, items[next++]!);
    }),
  );
}

/** Commits the planned offsets of every group/topic not yet committed; topics of one group one after another. */
export async function ensureEmptyGroups(kafka: Kafka, plan: readonly GroupPlan[], endOffsets: EndOffsets, existing: Set<string>) {
  const admins = await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      const admin = kafka.admin();
      await admin.connect();
      return admin;
    }),
  );
  try {
    const known = plan.filter((g) => existing.has(g.groupId));
    log(`empty groups: ${known.length} of ${plan.length} exist; checking their committed offsets`);
    const checked = progress('groups checked', known.length);
    const missingByGroup = new Map(plan.filter((g) => !existing.has(g.groupId)).map((g) => [g.groupId, g.topics.map((t) => t.topic)]));
    await onWorkers(admins, known, async (admin, group) => {
      const missing = await uncommitted(
        admin,
        group.groupId,
        group.topics.map((t) => t.topic),
        endOffsets,
      );
      if (missing.size) missingByGroup.set(group.groupId, [...missing.keys()]);
      checked.tick();
    });
    const todo = plan.filter((g) => missingByGroup.has(g.groupId));
    const commits = todo.reduce((a, g) => a + missingByGroup.get(g.groupId)!.length, 0);
    log(`empty groups: committing offsets for ${todo.length} group(s), ${commits} setOffsets call(s), ${WORKERS} at a time`);
    const bar = progress('setOffsets calls', commits);
    let retries = 0;
    await onWorkers(admins, todo, async (admin, group) => {
      for (const topic of missingByGroup.get(group.groupId)!) {
        const fraction = group.topics.find((t) => t.topic === topic)!.fraction;
        const offsets = new Map(
          [...endOffsetsOf(endOffsets, topic)].map(([partition, end]) => [partition, plannedOffset(end, fraction).toString()]),
        );
        retries += await setOffsetsChecked(admin, group.groupId, topic, offsets, endOffsets);
        bar.tick();
      }
    });
    return { groups: todo.length, commits, retries, complete: plan.length - todo.length };
  } finally {
    await Promise.all(admins.map((a) => a.disconnect()));
  }
}
