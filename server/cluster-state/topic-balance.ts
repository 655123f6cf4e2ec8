import type { PartitionLayout } from '@/server/kafka/metadata';

export type TopicBalance = {
  /** 100 × partitions led by their preferred (first) replica / partitions. */
  preferredPercent: number;
  /** 100 × brokers hosting the topic / brokers in the cluster. */
  spreadPercent: number;
  /** 100 × brokers holding more than their fair share of replicas / brokers hosting the topic. */
  skewPercent: number;
  /** 100 × brokers leading more than their fair share of partitions / brokers hosting the topic. */
  leaderSkewPercent: number;
};

/** CMAK's definitions (Kafka Manager's topic view), so numbers compare with what operators know. */
export function topicBalance(partitions: readonly PartitionLayout[], clusterBrokerCount: number): TopicBalance {
  const p = partitions.length;
  if (p === 0) return { preferredPercent: 0, spreadPercent: 0, skewPercent: 0, leaderSkewPercent: 0 };
  const replicasPerBroker = new Map<number, number>();
  const leadersPerBroker = new Map<number, number>();
  let preferred = 0;
  let replicaCount = 0;
  for (const partition of partitions) {
    if (partition.leader !== null && partition.leader === partition.replicas[0]) preferred += 1;
    if (partition.leader !== null) leadersPerBroker.set(partition.leader, (leadersPerBroker.get(partition.leader) ?? 0) + 1);
    for (const r of partition.replicas) replicasPerBroker.set(r, (replicasPerBroker.get(r) ?? 0) + 1);
    replicaCount += partition.replicas.length;
  }
  const hosting = replicasPerBroker.size;
  const replicationFactor = replicaCount / p;
  const fairReplicas = Math.ceil((p * replicationFactor) / hosting);
  const fairLeaders = Math.ceil(p / hosting);
  const over = (counts: Map<number, number>, fair: number) => [...counts.values()].filter((n) => n > fair).length;
  const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);
  return {
    preferredPercent: percent(preferred, p),
    spreadPercent: percent(hosting, Math.max(clusterBrokerCount, hosting)),
    skewPercent: percent(over(replicasPerBroker, fairReplicas), hosting),
    leaderSkewPercent: percent(over(leadersPerBroker, fairLeaders), hosting),
  };
}
