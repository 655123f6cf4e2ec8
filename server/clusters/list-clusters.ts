import 'server-only';
import type { ClusterListResponse, ClusterSummary } from '@/lib/schemas/clusters';
import { mayAccessCluster, type Principal } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';
import type { ClusterConfig } from '@/server/config/schema';
import { withKafka } from '@/server/kafka/clients';
import { knownBrokersOrNone } from '@/server/kafka/known-brokers';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { withQuorum } from '@/server/kafka/quorum';

// The list must answer even when clusters are down: each cluster gets less than the route deadline.
const PER_CLUSTER_DEADLINE_MS = 6_000;

async function summarize(cluster: ClusterConfig): Promise<ClusterSummary> {
  const base = { id: cluster.id, name: cluster.name, readOnly: cluster.readOnly };
  try {
    const layout = await withKafka(cluster.id, readClusterMetadata, { deadlineMs: PER_CLUSTER_DEADLINE_MS });
    const metadata = await withQuorum(cluster.id, layout);
    const known = await knownBrokersOrNone(cluster.id, metadata.brokers);
    const missing = known.filter((k) => !metadata.brokers.some((b) => b.id === k.id));
    const offline = metadata.topics.some((t) => t.partitions.some((p) => p.leader === null));
    return {
      ...base,
      status: missing.length > 0 || offline ? 'degraded' : 'ok',
      brokerCount: metadata.brokers.length,
      controllerId: metadata.controllerId,
    };
  } catch {
    return { ...base, status: 'unreachable', brokerCount: null, controllerId: null };
  }
}

/** The clusters this principal may see (others are not mentioned at all). */
export async function listClusters(principal: Pick<Principal, 'clusters'>): Promise<ClusterListResponse> {
  const visible = getConfig().clusters.filter((c) => mayAccessCluster(principal, c.id));
  return { clusters: await Promise.all(visible.map(summarize)) };
}
