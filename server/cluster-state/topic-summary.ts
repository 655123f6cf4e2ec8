import 'server-only';
import type { TopicSummary } from '@/lib/schemas/topics';
import { partitionRisks } from '@/server/cluster-state/partition-health';
import { partitionKey, type ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { topicBalance } from '@/server/cluster-state/topic-balance';

/** Leader replica size per partition (`partitionKey`), from every broker's log dirs (future replicas excluded). */
export function leaderSizes(snapshot: ClusterSnapshot): Map<string, bigint> {
  const leaderOf = new Map<string, number | null>();
  for (const t of snapshot.metadata.topics) for (const p of t.partitions) leaderOf.set(partitionKey(t.name, p.partition), p.leader);
  const sizes = new Map<string, bigint>();
  for (const broker of snapshot.logDirs) {
    if ('error' in broker) continue;
    for (const dir of broker.logDirs) {
      for (const replica of dir.partitions) {
        const key = partitionKey(replica.topic, replica.partition);
        if (!replica.isFuture && leaderOf.get(key) === broker.brokerId) sizes.set(key, BigInt(replica.sizeBytes));
      }
    }
  }
  return sizes;
}

export function summarizeTopic(snapshot: ClusterSnapshot, topic: ClusterSnapshot['metadata']['topics'][number], sizes: Map<string, bigint>): TopicSummary {
  const minIsr = snapshot.minIsr.get(topic.name);
  let messages = 0n;
  let size = 0n;
  let sizeKnown = true;
  let offsetsMissing = false;
  let urp = 0;
  let offline = 0;
  let underMinIsr = 0;
  for (const p of topic.partitions) {
    const key = partitionKey(topic.name, p.partition);
    const offsets = snapshot.offsets.get(key);
    if (offsets?.highWatermark != null && offsets.logStartOffset != null) messages += BigInt(offsets.highWatermark) - BigInt(offsets.logStartOffset);
    else offsetsMissing = true;
    const replicaSize = sizes.get(key);
    if (replicaSize === undefined) sizeKnown = false;
    else size += replicaSize;
    const risks = partitionRisks(p, minIsr ?? 0);
    if (risks.includes('under-replicated')) urp += 1;
    if (p.leader === null) offline += 1;
    if (minIsr !== undefined && risks.includes('under-min-isr')) underMinIsr += 1;
  }
  const errors = [offsetsMissing ? 'offsets of some partitions could not be read' : null, minIsr === undefined ? 'min.insync.replicas unknown' : null].filter(Boolean);
  return {
    name: topic.name,
    internal: topic.internal,
    partitionCount: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    underReplicatedPartitions: urp,
    offlinePartitions: offline,
    underMinIsrPartitions: underMinIsr,
    messageCount: messages.toString(),
    // Offline partitions have no leader replica to measure; the known part is still worth showing.
    sizeBytes: sizeKnown || offline > 0 ? size.toString() : null,
    ...topicBalance(topic.partitions, snapshot.metadata.brokers.length),
    ...(errors.length ? { error: errors.join('; ') } : {}),
  };
}
