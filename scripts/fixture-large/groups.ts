// Consumer groups: what the fixture's groups have committed, which exist, and --clean.
import type { Admin } from '@/server/kafka/kafkajs';
import type { EndOffsets } from './offsets';
import { GROUP_NAME } from './plan';
import { chunk, errorText, log, progress } from './progress';

export const endOffsetsOf = (endOffsets: EndOffsets, topic: string) => {
  const offsets = endOffsets.get(topic);
  if (!offsets) throw new Error(`no end offsets read for ${topic}`);
  return offsets;
};

/**
 * Per topic of `topics`, its partitions for which `groupId` has no committed offset.
 * One topic per fetchOffsets call, and on an admin client nobody else uses meanwhile: kafkajs's fetchOffsets looks
 * the topics' partitions up in the client's metadata, and concurrent lookups on one client race (a topic then
 * comes back with no partitions at all: ~10% of 495 groups when checked 16 at a time on one admin, and still
 * 1 in 495 with one admin per worker when a group's topics were asked in one call).
 */
export async function uncommitted(admin: Admin, groupId: string, topics: string[], endOffsets: EndOffsets): Promise<Map<string, number[]>> {
  const missing = new Map<string, number[]>();
  for (const topic of topics) {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const partitions = committed?.partitions ?? [];
    const absent = [...endOffsetsOf(endOffsets, topic).keys()].filter(
      (p) => Number(partitions.find((c) => c.partition === p)?.offset ?? -1) < 0,
    );
    if (absent.length) missing.set(topic, absent);
  }
  return missing;
}

export async function existingFixtureGroups(admin: Admin): Promise<Set<string>> {
  const { groups } = await admin.listGroups();
  return new Set(groups.map((g) => g.groupId).filter((id) => GROUP_NAME.test(id)));
}

/** Fixture groups that have members now (a --keep-active still running): --clean refuses to run then. */
export async function groupsWithMembers(admin: Admin, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { groups } = await admin.describeGroups([...ids]);
  return groups.filter((g) => g.members.length > 0 || !['Empty', 'Dead'].includes(g.state)).map((g) => `${g.groupId} (${g.state})`);
}

/** Deletes every group named like the fixture's; any it could not delete are reported. */
export async function deleteFixtureGroups(admin: Admin): Promise<{ deleted: number; failed: string[] }> {
  const ids = [...(await existingFixtureGroups(admin))].sort();
  log(`groups: deleting ${ids.length}`);
  const bar = progress('groups deleted', ids.length);
  let deleted = 0;
  const failed: string[] = [];
  for (const batch of chunk(ids, 100)) {
    try {
      await admin.deleteGroups(batch);
      deleted += batch.length;
    } catch (error) {
      // KafkaJSDeleteGroupsError lists the groups that failed (e.g. NON_EMPTY_GROUP); the others are gone.
      const errors = (error as { groups?: { groupId: string; error?: { type?: string } }[] }).groups;
      if (!errors) throw error;
      for (const e of errors) failed.push(`${e.groupId} (${e.error?.type ?? errorText(e.error)})`);
      deleted += batch.length - errors.length;
    }
    bar.tick(batch.length);
  }
  return { deleted, failed };
}
