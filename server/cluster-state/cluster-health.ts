import 'server-only';
import type { ClusterHealthResponse } from '@/lib/schemas/health-partitions';
import { RISK_REASONS, partitionRisks } from '@/server/cluster-state/partition-health';
import { perSnapshot } from '@/server/cluster-state/per-snapshot';
import { getClusterSnapshot, type ClusterSnapshot } from '@/server/cluster-state/snapshot';

// The answer depends on the snapshot alone: computed once per snapshot, shared, never modified.
const healthOf = perSnapshot(function computeHealth(snapshot: ClusterSnapshot): ClusterHealthResponse {
  const partitions: ClusterHealthResponse['partitions'] = [];
  for (const topic of [...snapshot.metadata.topics].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const minIsr = snapshot.minIsr.get(topic.name) ?? 0;
    for (const p of topic.partitions) {
      const reasons = partitionRisks(p, minIsr).sort((a, b) => RISK_REASONS.indexOf(a) - RISK_REASONS.indexOf(b));
      if (reasons.length) partitions.push({ topic: topic.name, partition: p.partition, reasons });
    }
  }
  return { asOf: snapshot.asOf, ...(snapshot.errors.length ? { partial: true } : {}), partitions };
});

/**
 * Every at-risk partition of the cluster with its reasons (under-min-isr only where min.insync.replicas is known).
 * Shared between callers of the same snapshot: read-only.
 */
export async function getClusterHealth(clusterId: string): Promise<ClusterHealthResponse> {
  // Layouts and configs only: no sizes.
  const snapshot = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
  return healthOf(snapshot);
}
