// Topic layout for the demo: a deliberate mix of partition counts, replication factors and cleanup policies.
import type { Admin } from '@/server/kafka/kafkajs';

export type TopicSpec = {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
};

export const TOPICS: readonly TopicSpec[] = [
  { topic: 'orders', numPartitions: 6, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] },
  { topic: 'payments', numPartitions: 3, replicationFactor: 2, configEntries: [] },
  {
    topic: 'clickstream',
    numPartitions: 12,
    replicationFactor: 2,
    // Highest-volume topic: short retention and hourly segments keep a long-running demo from filling the disk.
    configEntries: [
      { name: 'retention.ms', value: String(6 * 3600_000) },
      { name: 'segment.ms', value: String(3600_000) },
    ],
  },
  {
    topic: 'customer-profiles',
    numPartitions: 3,
    replicationFactor: 2,
    // The active segment is never compacted; rolling every 10 min lets compaction visibly happen during a demo.
    configEntries: [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'segment.ms', value: String(600_000) },
      { name: 'min.cleanable.dirty.ratio', value: '0.1' },
    ],
  },
  { topic: 'audit-trail', numPartitions: 2, replicationFactor: 1, configEntries: [] },
];

export type EnsureResult = { created: string[]; existing: string[] };

/** Creates whatever is missing; existing topics are left exactly as they are (even if their layout differs). */
export async function ensureTopics(
  admin: Pick<Admin, 'listTopics' | 'createTopics'>,
  specs: readonly TopicSpec[] = TOPICS,
): Promise<EnsureResult> {
  const present = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !present.has(spec.topic));
  if (missing.length > 0) {
    // createTopics resolves false instead of throwing when a topic already exists (e.g. a concurrent run),
    // so the result is not treated as an error; listing again below tells the truth.
    await admin.createTopics({ topics: missing.map((spec) => ({ ...spec })), waitForLeaders: true, timeout: 30_000 });
  }
  const after = new Set(await admin.listTopics());
  const notCreated = missing.filter((spec) => !after.has(spec.topic)).map((spec) => spec.topic);
  if (notCreated.length > 0) throw new Error(`could not create topics: ${notCreated.join(', ')}`);
  return {
    created: missing.map((spec) => spec.topic),
    existing: specs.filter((spec) => present.has(spec.topic)).map((spec) => spec.topic),
  };
}
