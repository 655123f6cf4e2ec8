// The fixture's shape, computed (deterministically: same names, counts and offsets on every run) from a seed.
// Nothing here talks to Kafka: re-runs compare this plan with the cluster and create only what is missing.

export const TOPIC_COUNT = 1_000;
export const PARTITION_TOTAL = 10_000;
export const MIN_PARTITIONS = 1;
export const MAX_PARTITIONS = 40;
export const EMPTY_GROUP_COUNT = 495;
export const ACTIVE_GROUP_COUNT = 5;

/** Every fixture topic and group name starts with this; --clean deletes exactly the names that match. */
export const PREFIX = 'fixture.';
export const TOPIC_NAME = /^fixture\.t\d{4}$/;
export const GROUP_NAME = /^fixture\.(g\d{3}|active\d)$/;

export type TopicPlan = {
  name: string;
  partitions: number;
  replicationFactor: 2 | 3;
  /** Records to produce into each partition (0: the topic stays empty). */
  recordsPerPartition: number[];
};

export type GroupPlan = {
  groupId: string;
  /** Committed offset per topic = floor(end offset × fraction). */
  topics: { topic: string; fraction: number }[];
};

export type FixturePlan = { topics: TopicPlan[]; emptyGroups: GroupPlan[]; activeGroups: GroupPlan[] };

/** mulberry32: small, fast, good enough for spreading sizes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/**
 * Partition counts in [MIN, MAX] summing to exactly `total`: mostly small topics, some medium, a few large
 * (like real clusters), then nudged one partition at a time to the exact total. The first topic has MAX.
 */
export function partitionCounts(count: number, total: number, random: () => number): number[] {
  if (total < count * MIN_PARTITIONS || total > count * MAX_PARTITIONS)
    throw new Error(`cannot spread ${total} partitions over ${count} topics`);
  const counts = Array.from({ length: count }, () => {
    const r = random();
    if (r < 0.55) return between(random, 1, 6);
    if (r < 0.85) return between(random, 7, 20);
    return between(random, 21, MAX_PARTITIONS);
  });
  // Pinned so the largest topic is always MAX (the benchmark's topic detail), when the total allows it.
  const pinned =
    count > 1 && total - MAX_PARTITIONS >= (count - 1) * MIN_PARTITIONS && total - MAX_PARTITIONS <= (count - 1) * MAX_PARTITIONS;
  if (pinned) counts[0] = MAX_PARTITIONS;
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = between(random, pinned ? 1 : 0, count - 1);
    const c = counts[i]!;
    if (sum < total && c < MAX_PARTITIONS) {
      counts[i] = c + 1;
      sum += 1;
    } else if (sum > total && c > MIN_PARTITIONS) {
      counts[i] = c - 1;
      sum -= 1;
    }
  }
  return counts;
}

export const topicName = (i: number) => `${PREFIX}t${String(i).padStart(4, '0')}`;

/** Every 5th topic holds data: 1–50 records in each of its partitions. The rest stay empty. */
export const hasData = (i: number) => i % 5 === 0;

export function createPlan(seed = 20_240_601): FixturePlan {
  const random = seededRandom(seed);
  const counts = partitionCounts(TOPIC_COUNT, PARTITION_TOTAL, random);
  const topics: TopicPlan[] = counts.map((partitions, i) => ({
    name: topicName(i),
    partitions,
    replicationFactor: i % 3 === 0 ? 3 : 2,
    recordsPerPartition: Array.from({ length: partitions }, () => (hasData(i) ? between(random, 1, 50) : 0)),
  }));
  // Lag variety: caught up, half way, at the beginning, nearly caught up.
  const fractions = [1, 0.5, 0, 0.9];
  const emptyGroups: GroupPlan[] = Array.from({ length: EMPTY_GROUP_COUNT }, (_, g) => {
    const indexes = [(g * 5) % TOPIC_COUNT];
    if (g % 2 === 0) indexes.push((g * 13 + 1) % TOPIC_COUNT);
    if (g % 5 === 0) indexes.push((g * 29 + 2) % TOPIC_COUNT);
    return {
      groupId: `${PREFIX}g${String(g).padStart(3, '0')}`,
      topics: [...new Set(indexes)].map((i) => ({ topic: topicName(i), fraction: fractions[g % fractions.length]! })),
    };
  });
  // Active groups consume the data topics with the most partitions (consumers commit only what they read).
  const busiest = topics
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => hasData(i))
    .sort((a, b) => b.t.partitions - a.t.partitions || a.i - b.i)
    .slice(0, ACTIVE_GROUP_COUNT);
  const activeGroups: GroupPlan[] = busiest.map(({ t }, g) => ({
    groupId: `${PREFIX}active${g}`,
    topics: [{ topic: t.name, fraction: 1 }],
  }));
  return { topics, emptyGroups, activeGroups };
}

/** The committed offset a group plan asks for, given a partition's end offset. */
export const plannedOffset = (endOffset: bigint, fraction: number) =>
  fraction >= 1 ? endOffset : fraction <= 0 ? 0n : (endOffset * BigInt(Math.round(fraction * 100))) / 100n;
