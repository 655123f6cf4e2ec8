import 'server-only';
import { withKafka } from '@/server/kafka/clients';
import { freshCache } from '@/server/kafka/fresh-cache';
import { readLogDirs, type BrokerLogDirsResult } from '@/server/kafka/log-dirs';
import { readClusterMetadata, type ClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets, type PartitionOffsets } from '@/server/kafka/offsets';
import { partitionKey } from '@/server/kafka/partition-key';
import { readTopicConfigValues } from '@/server/kafka/topic-configs';

/** Everything the cluster-state views show, read in waves, never per topic. */
export type ClusterSnapshot = {
  /**
   * When wave 1's Metadata response arrived (ClusterMetadata.asOf), the oldest data in the snapshot: wave 2's
   * offsets, sizes and configs are read after it, so nothing shown is older. The snapshot's age counts from it.
   * Not the end of the read: that would present the layout as newer than it is by as long as wave 2 took.
   */
  asOf: number;
  metadata: ClusterMetadata;
  /** Keyed by `partitionKey(topic, partition)`. */
  offsets: Map<string, PartitionOffsets>;
  logDirs: BrokerLogDirsResult[];
  /** Effective min.insync.replicas per topic; missing when the configs could not be read. */
  minIsr: Map<string, number>;
  /** What could not be read; the views then show `partial: true`. */
  errors: string[];
};

/** Pages and the API answer from a snapshot read at most this long ago; older ones are read again first. */
export const SNAPSHOT_MAX_AGE_MS = 2_000;

/**
 * Wave 1: Metadata (+ DescribeQuorum). Wave 2, in parallel: ListOffsets earliest and latest per leader,
 * DescribeLogDirs per broker, one DescribeConfigs for every topic's min.insync.replicas. A broker that fails
 * leaves errors on its rows; only an unreadable Metadata fails the snapshot.
 */
async function readSnapshot(clusterId: string): Promise<ClusterSnapshot> {
  return withKafka(clusterId, async (connection) => {
    const metadata = await readClusterMetadata(connection);
    const errors: string[] = [];
    const [offsets, logDirs, configs] = await Promise.all([
      readOffsets(connection, metadata.topics),
      readLogDirs(connection, metadata.brokers.map((b) => b.id)),
      readTopicConfigValues(connection, metadata.topics.map((t) => t.name), ['min.insync.replicas']).catch((error: unknown) => {
        errors.push(`topic configs: ${error instanceof Error ? error.message : String(error)}`);
        return new Map<string, Map<string, string | null>>();
      }),
    ]);
    for (const result of logDirs) if ('error' in result) errors.push(`broker ${result.brokerId} log dirs: ${result.error}`);
    if (offsets.some((o) => o.error !== null)) errors.push('some partition offsets could not be read');
    const minIsr = new Map<string, number>();
    for (const [topic, values] of configs) {
      const value = Number(values.get('min.insync.replicas'));
      if (Number.isInteger(value)) minIsr.set(topic, value);
    }
    const byPartition = new Map<string, PartitionOffsets>();
    for (const o of offsets) byPartition.set(partitionKey(o.topic, o.partition), o);
    return {
      asOf: metadata.asOf,
      metadata,
      offsets: byPartition,
      logDirs,
      minIsr,
      errors,
    };
  });
}

const cache = freshCache('cluster-snapshot', readSnapshot);

/** The cluster's snapshot, refreshed (single-flight: concurrent callers share one read) when older than maxAgeMs. */
export function getClusterSnapshot(clusterId: string, { maxAgeMs = SNAPSHOT_MAX_AGE_MS } = {}): Promise<ClusterSnapshot> {
  return cache(clusterId, maxAgeMs);
}

/**
 * Pages read a shared snapshot up to 2 s old: after a change, one read that started after it (a read already in
 * flight may predate the change, so its answer is not taken) makes the pages show it.
 */
export async function refreshSnapshotAfter(clusterId: string, changedAt: number) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const snapshot = await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
    if (snapshot.asOf >= changedAt) return;
  }
}
