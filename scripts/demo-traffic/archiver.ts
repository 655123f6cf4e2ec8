// orders-archiver is a *stopped* group: committed offsets, no members. It is never run as a consumer;
// its offsets are committed once through the admin API and then left alone, so its lag keeps growing.
import type { Admin } from '@/server/kafka/kafkajs';

export const ARCHIVER_GROUP = 'orders-archiver';
const TOPIC = 'orders';

/** Commits the current end offsets of orders for the group, unless it already has offsets (earlier run). */
export async function seedStoppedGroup(
  admin: Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets' | 'setOffsets'>,
): Promise<'seeded' | 'already-seeded'> {
  const committed = await admin.fetchOffsets({ groupId: ARCHIVER_GROUP, topics: [TOPIC] });
  // fetchOffsets reports "-1" for partitions without a committed offset.
  const hasOffsets = committed.some(({ partitions }) => partitions.some(({ offset }) => Number(offset) >= 0));
  if (hasOffsets) return 'already-seeded';
  const ends = await admin.fetchTopicOffsets(TOPIC);
  await admin.setOffsets({
    groupId: ARCHIVER_GROUP,
    topic: TOPIC,
    partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
  });
  return 'seeded';
}
