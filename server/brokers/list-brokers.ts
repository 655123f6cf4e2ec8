import 'server-only';
import type { Broker, BrokerListResponse } from '@/lib/schemas/brokers';
import { perSnapshot } from '@/server/cluster-state/per-snapshot';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import type { BrokerLogDirsResult } from '@/server/kafka/log-dirs';
import type { ClusterMetadata } from '@/server/kafka/metadata';
import { knownBrokersOrNone, type KnownBroker } from '@/server/kafka/known-brokers';

type Counts = { leaderCount: number; replicaCount: number; preferredLeaderCount: number };

/** Leader, replica and preferred-leader counts per broker id over every partition (internal topics included). */
export function countPartitionsPerBroker(topics: ClusterMetadata['topics']) {
  const counts = new Map<number, Counts>();
  const at = (id: number) => {
    let entry = counts.get(id);
    if (!entry) {
      entry = { leaderCount: 0, replicaCount: 0, preferredLeaderCount: 0 };
      counts.set(id, entry);
    }
    return entry;
  };
  for (const topic of topics) {
    for (const p of topic.partitions) {
      if (p.leader !== null) at(p.leader).leaderCount += 1;
      if (p.replicas[0] !== undefined) at(p.replicas[0]).preferredLeaderCount += 1;
      for (const replica of p.replicas) at(replica).replicaCount += 1;
    }
  }
  return counts;
}

/** Signed distance from the mean in percent, one decimal; 0 when the mean is 0. */
export function skewPercent(value: number, mean: number) {
  return mean === 0 ? 0 : Math.round(((value - mean) / mean) * 1000) / 10;
}

type Disk = Pick<Broker, 'sizeBytes' | 'totalBytes' | 'usableBytes'> & { error?: string };
export const UNKNOWN_DISK: Disk = { sizeBytes: null, totalBytes: null, usableBytes: null };

/** A broker's disk use from its DescribeLogDirs answer (all its replicas); unknown when it was not read or failed. */
export function diskOf(logDirs: BrokerLogDirsResult[], brokerId: number): Disk {
  const result = logDirs.find((r) => r.brokerId === brokerId);
  if (!result) return UNKNOWN_DISK;
  if ('error' in result) return { ...UNKNOWN_DISK, error: result.error };
  const sum = (values: (string | null)[]) =>
    values.some((v) => v === null) ? null : values.reduce((t, v) => t + BigInt(v!), 0n).toString();
  return {
    sizeBytes: sum(result.logDirs.flatMap((d) => d.partitions.map((p) => p.sizeBytes))),
    totalBytes: sum(result.logDirs.map((d) => d.totalBytes)),
    usableBytes: sum(result.logDirs.map((d) => d.usableBytes)),
  };
}

/**
 * Every broker's row: the live ones of Metadata, and the known ones it lacks as down; counts and skew over all
 * partitions and brokers, disk use from `disk` for the live ones.
 */
export function brokerRows(
  metadata: ClusterMetadata,
  known: KnownBroker[],
  counts: Map<number, Counts>,
  disk: (id: number) => Disk,
): Broker[] {
  const rows = [
    ...metadata.brokers.map((b) => ({ ...b, status: 'up' as const })),
    ...known
      .filter((k) => !metadata.brokers.some((b) => b.id === k.id))
      .map(({ lastSeen: _lastSeen, ...k }) => ({ ...k, status: 'down' as const })),
  ].sort((a, b) => a.id - b.id);
  const mean = (field: keyof Counts) => rows.reduce((t, r) => t + (counts.get(r.id)?.[field] ?? 0), 0) / Math.max(rows.length, 1);
  const [meanReplicas, meanLeaders] = [mean('replicaCount'), mean('leaderCount')];
  return rows.map((row) => {
    const c = counts.get(row.id) ?? { leaderCount: 0, replicaCount: 0, preferredLeaderCount: 0 };
    return {
      ...row,
      ...c,
      ...(row.status === 'up' ? disk(row.id) : UNKNOWN_DISK),
      replicaSkewPercent: skewPercent(c.replicaCount, meanReplicas),
      leaderSkewPercent: skewPercent(c.leaderCount, meanLeaders),
    };
  });
}

// Derived once per snapshot (summing 10,000 replica sizes per call cost 20-37 ms of CPU on the large fixture).
const countsOf = perSnapshot((snapshot) => countPartitionsPerBroker(snapshot.metadata.topics));
const disksOf = perSnapshot((snapshot) => new Map(snapshot.metadata.brokers.map((b) => [b.id, diskOf(snapshot.logDirs, b.id)])));

/** `sizesMaxAgeMs`: how old the disk use may be (the alert evaluator looks at the brokers, not their disks). */
export async function listBrokers(clusterId: string, { sizesMaxAgeMs }: { sizesMaxAgeMs?: number } = {}): Promise<BrokerListResponse> {
  const snapshot = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: sizesMaxAgeMs });
  const { metadata } = snapshot;
  const known: KnownBroker[] = await knownBrokersOrNone(clusterId, metadata.brokers);
  const brokers = brokerRows(metadata, known, countsOf(snapshot), (id) => disksOf(snapshot).get(id) ?? diskOf(snapshot.logDirs, id));
  // An unknown controller (its quorum did not answer) is a figure missing from the list.
  const partial = snapshot.errors.length > 0 || metadata.quorumError !== null || brokers.some((b) => b.status === 'down');
  return { asOf: snapshot.asOf, ...(partial ? { partial: true } : {}), controllerId: metadata.controllerId, brokers };
}
