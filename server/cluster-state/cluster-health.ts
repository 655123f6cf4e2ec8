import 'server-only';
import type { ClusterHealthResponse } from '@/lib/schemas/health-partitions';
import { withKafka } from '@/server/kafka/clients';
import { RISK_REASONS, cleanLeaderCandidates, partitionRisks } from '@/server/cluster-state/partition-health';
import { perSnapshot } from '@/server/cluster-state/per-snapshot';
import { getClusterSnapshot, type ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { readTopicsElr } from '@/server/topics/topic-elr';

// The answer depends on the snapshot alone: computed once per snapshot, shared, never modified.
const risksOf = perSnapshot(function computeRisks(snapshot: ClusterSnapshot): ClusterHealthResponse['partitions'] {
  const partitions: ClusterHealthResponse['partitions'] = [];
  for (const topic of [...snapshot.metadata.topics].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const minIsr = snapshot.minIsr.get(topic.name) ?? 0;
    for (const p of topic.partitions) {
      const reasons = partitionRisks(p, minIsr).sort((a, b) => RISK_REASONS.indexOf(a) - RISK_REASONS.indexOf(b));
      if (reasons.length) partitions.push({ topic: topic.name, partition: p.partition, reasons });
    }
  }
  return partitions;
});

/**
 * The at-risk list with, for each partition under min ISR, who could still be a clean leader: Metadata does not
 * carry the eligible leader replicas, so one DescribeTopicPartitions asks for the topics of those partitions only
 * (none on a healthy cluster). Their layout is the snapshot's: ISR and ELR are read apart, at most one snapshot's
 * age (2 s) from each other.
 */
const healthOf = perSnapshot(async function computeHealth(snapshot: ClusterSnapshot, clusterId: string): Promise<ClusterHealthResponse> {
  const risks = risksOf(snapshot);
  const underMinIsr = risks.filter((p) => p.reasons.includes('under-min-isr'));
  let partial = snapshot.errors.length > 0;
  let partitions = risks;
  if (underMinIsr.length > 0) {
    const topics = [...new Set(underMinIsr.map((p) => p.topic))];
    const elr = await withKafka(clusterId, (connection) => readTopicsElr(connection, topics)).catch(() => {
      partial = true;
      return null;
    });
    const layouts = new Map(snapshot.metadata.topics.filter((t) => topics.includes(t.name)).map((t) => [t.name, t]));
    partitions = risks.map((p) => {
      if (!p.reasons.includes('under-min-isr')) return p;
      const layout = layouts.get(p.topic)?.partitions.find((l) => l.partition === p.partition);
      const cleanLeader = layout ? cleanLeaderCandidates(layout, elr?.get(p.topic)?.get(p.partition)) : null;
      return { ...p, cleanLeader };
    });
  }
  return { asOf: snapshot.asOf, ...(partial ? { partial: true } : {}), partitions };
});

/**
 * Every at-risk partition of the cluster with its reasons (under-min-isr only where min.insync.replicas is known).
 * Shared between callers of the same snapshot: read-only.
 */
export async function getClusterHealth(clusterId: string): Promise<ClusterHealthResponse> {
  // Layouts and configs only: no sizes.
  const snapshot = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
  return healthOf(snapshot, clusterId);
}
