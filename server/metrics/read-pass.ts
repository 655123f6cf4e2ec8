import 'server-only';
import type { ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { leaderSizes } from '@/server/cluster-state/topic-summary';
import { partitionKey } from '@/server/kafka/partition-key';
import type { SampledLagGroup } from '@/server/lag/group-rows';
import type { GroupsSnapshot } from '@/server/lag/groups-snapshot';
import type { GroupReading, PartitionReading, PassReading } from '@/server/metrics/pass-reading-types';

const toNumber = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));

/**
 * A sampling pass as plain numbers: the cluster snapshot the groups snapshot was read with (all partitions' offsets,
 * leaders, log-dir sizes) and every group's rows (consumer, share and streams) as the groups pages compute them, time
 * lag included, so a chart's last point and the page agree.
 */
export function readPass(
  cluster: ClusterSnapshot,
  groups: Pick<GroupsSnapshot, 'asOf' | 'errors'>,
  lagGroups: readonly SampledLagGroup[],
): PassReading {
  const sizes = leaderSizes(cluster);
  const partitions = new Map<string, PartitionReading>();
  for (const topic of cluster.metadata.topics) {
    for (const p of topic.partitions) {
      const key = partitionKey(topic.name, p.partition);
      const offsets = cluster.offsets.get(key);
      const sizedOffsets = cluster.logDirsOffsets.get(key);
      const size = sizes.get(key);
      partitions.set(key, {
        topic: topic.name,
        leader: p.leader,
        highWatermark: toNumber(offsets?.highWatermark),
        logStartOffset: toNumber(offsets?.logStartOffset),
        leaderSizeBytes: size === undefined ? null : Number(size),
        sizedHighWatermark: toNumber(sizedOffsets?.highWatermark),
        sizedLogStartOffset: toNumber(sizedOffsets?.logStartOffset),
      });
    }
  }
  const brokerDiskBytes = new Map<number, number | null>();
  for (const broker of cluster.metadata.brokers) {
    const dirs = cluster.logDirs.find((r) => r.brokerId === broker.id);
    brokerDiskBytes.set(
      broker.id,
      !dirs || 'error' in dirs ? null : dirs.logDirs.reduce((sum, d) => sum + d.partitions.reduce((s, p) => s + Number(p.sizeBytes), 0), 0),
    );
  }
  const groupReadings: GroupReading[] = lagGroups
    .filter((g) => !g.error)
    .map((g) => ({
      groupId: g.groupId,
      rows: g.rows.map((r) => ({
        topic: r.topic,
        partition: r.partition,
        committed: toNumber(r.committed),
        lag: toNumber(r.lag),
        timeLagMs: r.timeLagMs,
      })),
    }));
  return {
    time: groups.asOf,
    cluster: { time: cluster.asOf, sizesTime: cluster.logDirsAsOf, partitions, brokerDiskBytes },
    groups: groupReadings,
    partial: cluster.errors.length > 0 || groups.errors.length > 0 || lagGroups.some((g) => g.error),
  };
}
