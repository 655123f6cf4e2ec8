import 'server-only';
import type { BrokerListResponse } from '@/lib/schemas/brokers';
import { withKafka } from '@/server/kafka/clients';
import { observeBrokers } from '@/server/kafka/known-brokers';
import { readClusterMetadata, type ClusterMetadata } from '@/server/kafka/metadata';

/** Leader and replica counts per broker id, over every partition of every topic (internal ones included). */
export function countPartitionsPerBroker(topics: ClusterMetadata['topics']) {
  const counts = new Map<number, { leaderCount: number; replicaCount: number }>();
  const at = (id: number) => {
    let entry = counts.get(id);
    if (!entry) {
      entry = { leaderCount: 0, replicaCount: 0 };
      counts.set(id, entry);
    }
    return entry;
  };
  for (const topic of topics) {
    for (const p of topic.partitions) {
      if (p.leader !== null) at(p.leader).leaderCount += 1;
      for (const replica of p.replicas) at(replica).replicaCount += 1;
    }
  }
  return counts;
}

export async function listBrokers(clusterId: string): Promise<BrokerListResponse> {
  const metadata = await withKafka(clusterId, readClusterMetadata);
  observeBrokers(clusterId, metadata.brokers.map((b) => b.id));
  const counts = countPartitionsPerBroker(metadata.topics);
  return {
    asOf: metadata.asOf,
    controllerId: metadata.controllerId,
    brokers: metadata.brokers.map((b) => ({
      ...b,
      leaderCount: counts.get(b.id)?.leaderCount ?? 0,
      replicaCount: counts.get(b.id)?.replicaCount ?? 0,
    })),
  };
}
