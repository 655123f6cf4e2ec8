import 'server-only';
import { withKafka } from '@/server/kafka/clients';
import { freshCache } from '@/server/kafka/fresh-cache';
import { readLogDirs, type BrokerLogDirsResult } from '@/server/kafka/log-dirs';
import { readClusterMetadata, type ClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets, type PartitionOffsets } from '@/server/kafka/offsets';
import { partitionKey } from '@/server/kafka/partition-key';
import { withQuorum } from '@/server/kafka/quorum';
import { readTopicConfigValues } from '@/server/kafka/topic-configs';
import { processState } from '@/server/process-state';

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
  /**
   * The `asOf` of the snapshot that read `logDirs`: this one's, or an earlier one's when a caller that does not
   * need fresh sizes (the sampler between its DescribeLogDirs rounds) let the read reuse them.
   */
  logDirsAsOf: number;
  /** The partition offsets read together with `logDirs` (this snapshot's own when they are its own). */
  logDirsOffsets: Map<string, PartitionOffsets>;
  /** Effective min.insync.replicas per topic; missing when the configs could not be read. */
  minIsr: Map<string, number>;
  /** What could not be read; the views then show `partial: true`. */
  errors: string[];
};

/**
 * Lists (pages and the API) answer from a whole-cluster snapshot read at most this long ago; an older one is read
 * again first. While lists are being read, the background reader (server/sampling/keep-warm.ts) reads them again
 * before they reach this age, so that no request waits for a whole-cluster read, whatever the number of viewers.
 */
export const SNAPSHOT_MAX_AGE_MS = 5_000;

/** One topic's or one group's own read (its page) is shared by every viewer for this long. */
export const VIEW_MAX_AGE_MS = 2_000;

type ReadOptions = {
  /** Log dirs read this recently (and still covering the cluster) are reused instead of read again. */
  logDirsMaxAgeMs: number;
};

type Sizes = Pick<ClusterSnapshot, 'logDirs' | 'logDirsAsOf' | 'logDirsOffsets'>;
type LogDirsReading = { sizes: Sizes; brokerIds: string };

// The last complete log dirs per cluster. Process-wide like the snapshot cache itself: the sampler (started from
// instrumentation.ts) and the route handlers are separate bundles, and each should reuse what the other read.
const lastLogDirs = processState<Map<string, LogDirsReading>>('clusterLogDirs', () => new Map());

/**
 * The last log dirs if they may stand in for a new read: young enough, every broker answered, the same brokers,
 * and every partition of the cluster was in the snapshot that read them (a new topic or partition reads again).
 */
function reusableSizes(clusterId: string, metadata: ClusterMetadata, brokerIds: string, maxAgeMs: number): Sizes | null {
  const last = lastLogDirs.get(clusterId);
  if (!last || maxAgeMs <= 0 || metadata.asOf - last.sizes.logDirsAsOf >= maxAgeMs || last.brokerIds !== brokerIds) return null;
  for (const topic of metadata.topics) {
    for (const p of topic.partitions) if (!last.sizes.logDirsOffsets.has(partitionKey(topic.name, p.partition))) return null;
  }
  return last.sizes;
}

/**
 * Wave 1: Metadata. Wave 2, in parallel: DescribeQuorum (KRaft), ListOffsets earliest and latest per leader,
 * DescribeLogDirs per broker (unless reusable, see ReadOptions), one DescribeConfigs for every topic's
 * min.insync.replicas. A broker that fails leaves errors on its rows, a quorum that does not answer leaves the
 * controller unknown; only an unreadable Metadata fails the snapshot.
 */
async function readSnapshot(clusterId: string, { logDirsMaxAgeMs }: ReadOptions = { logDirsMaxAgeMs: 0 }): Promise<ClusterSnapshot> {
  return withKafka(clusterId, async (connection) => {
    const layout = await readClusterMetadata(connection);
    const errors: string[] = [];
    const brokerIds = layout.brokers.map((b) => b.id);
    const brokerKey = brokerIds.join(',');
    const reused = reusableSizes(clusterId, layout, brokerKey, logDirsMaxAgeMs);
    const [metadata, offsets, logDirs, configs] = await Promise.all([
      withQuorum(clusterId, layout),
      readOffsets(connection, layout.topics),
      reused ? reused.logDirs : readLogDirs(connection, brokerIds),
      readTopicConfigValues(
        connection,
        layout.topics.map((t) => t.name),
        ['min.insync.replicas'],
      ).catch((error: unknown) => {
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
    const sizes = reused ?? { logDirs, logDirsAsOf: metadata.asOf, logDirsOffsets: byPartition };
    if (!reused) {
      if (logDirs.some((r) => 'error' in r)) lastLogDirs.delete(clusterId);
      else lastLogDirs.set(clusterId, { sizes, brokerIds: brokerKey });
    }
    return { asOf: metadata.asOf, metadata, offsets: byPartition, ...sizes, minIsr, errors };
  });
}

const cache = freshCache('cluster-snapshot', readSnapshot);

/**
 * The cluster's snapshot, refreshed (single-flight: concurrent callers share one read) when older than maxAgeMs.
 * `logDirsMaxAgeMs` (default: maxAgeMs): how old its log dirs (replica sizes, disk use) may be. Pages take the
 * default; callers that use no sizes pass Infinity; the sampler passes `metrics.logDirsEveryMs`, so a pass sends
 * DescribeLogDirs only that often (the requests answer with every replica of the broker: the biggest of a pass).
 */
export function getClusterSnapshot(
  clusterId: string,
  { maxAgeMs = SNAPSHOT_MAX_AGE_MS, logDirsMaxAgeMs = maxAgeMs }: { maxAgeMs?: number; logDirsMaxAgeMs?: number } = {},
): Promise<ClusterSnapshot> {
  const accept = (s: ClusterSnapshot) => s.logDirsAsOf === s.asOf || Date.now() - s.logDirsAsOf < logDirsMaxAgeMs;
  return cache(clusterId, maxAgeMs, { accept, options: { logDirsMaxAgeMs } });
}

/**
 * Lists read a shared snapshot up to 5 s old: after a change, one read that started after it (a read already in
 * flight may predate the change, so its answer is not taken) makes the pages show it.
 */
export async function refreshSnapshotAfter(clusterId: string, changedAt: number) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const snapshot = await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
    if (snapshot.asOf >= changedAt) return;
  }
}
