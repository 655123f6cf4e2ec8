import 'server-only';
import type { ClusterOverview } from '@/lib/schemas/overview';
import { partitionRisks } from '@/server/cluster-state/partition-health';
import { perSnapshot } from '@/server/cluster-state/per-snapshot';
import { getClusterSnapshot, type ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { leaderSizes } from '@/server/cluster-state/topic-summary';
import { inferKafkaVersion } from '@/server/kafka/kafka-version';
import { knownBrokersOrNone } from '@/server/kafka/known-brokers';
import type { QuorumDescription, QuorumReplica } from '@/server/protocol/describe-quorum';

function quorumView(quorum: QuorumDescription, brokerIds: ReadonlySet<number>) {
  const leaderEnd = BigInt(quorum.voters.find((v) => v.replicaId === quorum.leaderId)?.logEndOffset ?? quorum.highWatermark);
  const replica = (r: QuorumReplica, voter: boolean) => ({
    id: r.replicaId,
    directoryId: r.directoryId,
    endpoints: voter ? (quorum.voterEndpoints?.get(r.replicaId) ?? null) : null,
    // A replica missing from Metadata's brokers is a controller only: a voter, or an observer of a dynamic quorum
    // (KIP-853) waiting to be added as one. Every other observer is a broker.
    controllerOnly: !brokerIds.has(r.replicaId),
    logEndOffset: r.logEndOffset,
    lag: (leaderEnd - BigInt(r.logEndOffset)).toString(),
    lastCaughtUpTimestamp: r.lastCaughtUpTimestamp,
  });
  return {
    leaderId: quorum.leaderId,
    leaderEpoch: quorum.leaderEpoch,
    highWatermark: quorum.highWatermark,
    voters: quorum.voters.map((r) => replica(r, true)),
    observers: quorum.observers.map((r) => replica(r, false)),
  };
}

type SnapshotCounts = Pick<
  ClusterOverview,
  'partitions' | 'replicas' | 'underReplicated' | 'offline' | 'underMinIsr' | 'leaderless' | 'nonPreferredLeaders' | 'totalSizeBytes'
>;

// Everything here but the known brokers (read from the database per call) depends on the snapshot alone:
// computed once per snapshot, shared, never modified.
const countsOf = perSnapshot(function computeCounts(snapshot: ClusterSnapshot): SnapshotCounts {
  const counts = { partitions: 0, replicas: 0, underReplicated: 0, offline: 0, underMinIsr: 0, leaderless: 0, nonPreferredLeaders: 0 };
  for (const topic of snapshot.metadata.topics) {
    const minIsr = snapshot.minIsr.get(topic.name) ?? 0;
    for (const p of topic.partitions) {
      const risks = partitionRisks(p, minIsr);
      counts.partitions += 1;
      counts.replicas += p.replicas.length;
      if (risks.includes('under-replicated')) counts.underReplicated += 1;
      if (risks.includes('offline')) counts.offline += 1;
      if (risks.includes('under-min-isr')) counts.underMinIsr += 1;
      if (risks.includes('leaderless')) counts.leaderless += 1;
      if (risks.includes('non-preferred-leader')) counts.nonPreferredLeaders += 1;
    }
  }
  const sizesKnown = snapshot.logDirs.every((r) => !('error' in r));
  const total = [...leaderSizes(snapshot).values()].reduce((t, v) => t + v, 0n);
  return { ...counts, totalSizeBytes: sizesKnown ? total.toString() : null };
});

export async function getClusterOverview(clusterId: string): Promise<ClusterOverview> {
  const snapshot = await getClusterSnapshot(clusterId);
  const { metadata } = snapshot;
  const known = await knownBrokersOrNone(clusterId, metadata.brokers);
  const down = known.filter((k) => !metadata.brokers.some((b) => b.id === k.id)).map((k) => k.id);
  const counts = countsOf(snapshot);
  const { label, release, exact } = inferKafkaVersion(metadata.apiVersions, { kraft: metadata.mode === 'kraft' });
  return {
    asOf: snapshot.asOf,
    ...(snapshot.errors.length || metadata.quorumError || down.length ? { partial: true } : {}),
    mode: metadata.mode,
    kafkaVersion: { label, release, exact },
    controllerId: metadata.controllerId,
    // A broker that is down is still a broker: known ones count, not only those in Metadata now.
    quorum: metadata.quorum ? quorumView(metadata.quorum, new Set([...known, ...metadata.brokers].map((b) => b.id))) : null,
    brokers: { up: metadata.brokers.length, known: Math.max(known.length, metadata.brokers.length), down },
    topics: metadata.topics.length,
    ...counts,
  };
}
