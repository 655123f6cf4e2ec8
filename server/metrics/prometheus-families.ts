import 'server-only';
import type { ClusterSnapshot } from '@/server/cluster-state/snapshot';
import type { RequestCounts } from '@/server/kafka/request-counter';
import { partitionKey } from '@/server/kafka/partition-key';
import { sampledLagGroups, type RowSampler } from '@/server/lag/group-rows';
import { lagGroups } from '@/server/lag/lag-groups';
import type { GroupsSnapshot } from '@/server/lag/groups-snapshot';
import type { FamilySet, Labels, MetricSpec } from '@/server/metrics/prometheus-format';

// kafka_exporter's (danielqsj/kafka_exporter) names, labels and semantics, so its dashboards and alerts work as they
// are; the group lag in seconds is kafka-lag-exporter's. A value the console could not read is left out, never 0.
const gauge = (name: string, help: string): MetricSpec => ({ name, help, type: 'gauge' });
export const KAFKA_SPECS = {
  brokers: gauge('kafka_brokers', 'Number of Brokers in the Kafka Cluster.'),
  partitions: gauge('kafka_topic_partitions', 'Number of partitions for this Topic'),
  currentOffset: gauge('kafka_topic_partition_current_offset', 'High watermark of the Topic/Partition (kafka-get-offsets --time -1)'),
  oldestOffset: gauge('kafka_topic_partition_oldest_offset', 'Log start offset of the Topic/Partition (kafka-get-offsets --time -2)'),
  leader: gauge('kafka_topic_partition_leader', 'Leader Broker ID of this Topic/Partition'),
  replicas: gauge('kafka_topic_partition_replicas', 'Number of Replicas for this Topic/Partition'),
  inSync: gauge('kafka_topic_partition_in_sync_replica', 'Number of In-Sync Replicas for this Topic/Partition'),
  preferred: gauge('kafka_topic_partition_leader_is_preferred', '1 if Topic/Partition is using the Preferred Broker'),
  underReplicated: gauge('kafka_topic_partition_under_replicated_partition', '1 if Topic/Partition is under Replicated'),
  groupOffset: gauge('kafka_consumergroup_current_offset', 'Committed offset of a ConsumerGroup at Topic/Partition (-1: none)'),
  groupLag: gauge(
    'kafka_consumergroup_lag',
    'High watermark minus committed offset of a ConsumerGroup at Topic/Partition, unclamped (-1: no commit)',
  ),
  // Untyped, not kafka_exporter's gauge: the format reserves the _sum suffix for summaries and histograms, and
  // `promtool check metrics` fails a gauge named so. Queries go by name, so the name stays; TYPE is metadata only.
  groupLagSum: {
    name: 'kafka_consumergroup_lag_sum',
    help: 'Lag of a ConsumerGroup at Topic summed over its committed partitions',
    type: 'untyped',
  },
  groupMembers: gauge('kafka_consumergroup_members', 'Amount of members in a consumer group'),
  groupLagSeconds: gauge(
    'kafka_consumergroup_group_lag_seconds',
    'How long ago the high watermark reached the committed offset, from the lag sampler',
  ),
} as const;

/** Topic and broker families from the cluster snapshot: every topic, internal ones included. */
export function addClusterSamples(families: FamilySet, base: Labels, snapshot: Pick<ClusterSnapshot, 'metadata' | 'offsets'>) {
  const s = KAFKA_SPECS;
  families.add(s.brokers, base, snapshot.metadata.brokers.length);
  for (const topic of snapshot.metadata.topics) {
    // A topic Metadata answered with an error (being created or deleted) has no layout to report.
    if (topic.errorCode !== 0) continue;
    families.add(s.partitions, { ...base, topic: topic.name }, topic.partitions.length);
    for (const p of topic.partitions) {
      const labels = { ...base, topic: topic.name, partition: String(p.partition) };
      const offsets = snapshot.offsets.get(partitionKey(topic.name, p.partition));
      if (offsets?.highWatermark != null) families.add(s.currentOffset, labels, offsets.highWatermark);
      if (offsets?.logStartOffset != null) families.add(s.oldestOffset, labels, offsets.logStartOffset);
      if (p.leader !== null) families.add(s.leader, labels, p.leader);
      families.add(s.replicas, labels, p.replicas.length);
      families.add(s.inSync, labels, p.isr.length);
      families.add(s.preferred, labels, p.leader !== null && p.replicas[0] === p.leader ? 1 : 0);
      families.add(s.underReplicated, labels, p.isr.length < p.replicas.length ? 1 : 0);
    }
  }
}

/**
 * Group families over every group's partitions (lag-groups.ts): a consumer group's committed partitions plus those
 * assigned to members without a commit (offset and lag -1, kafka_exporter's "no commit" value), with the CLI's lag
 * (high watermark read after the commits − committed, unclamped); a streams group's rows likewise; a share group's
 * start offsets as its offsets and the broker's count of unacknowledged records as its lag (no lag in seconds: the
 * console does not know it). kafka_exporter's label `consumergroup` names all of them: group ids are one space.
 * lag_sum adds a topic's partitions with a position. A group that could not be read completely is left out rather
 * than shown half.
 */
export function addGroupSamples(families: FamilySet, base: Labels, snapshot: GroupsSnapshot, sampler: RowSampler | null) {
  const s = KAFKA_SPECS;
  for (const group of sampledLagGroups(lagGroups(snapshot), snapshot.asOf, sampler)) {
    if (group.error) continue;
    const groupLabels = { ...base, consumergroup: group.groupId };
    families.add(s.groupMembers, groupLabels, group.memberCount);
    // null: a committed partition's lag is unknown (its high watermark unread), so the topic's sum would be too low.
    const sums = new Map<string, bigint | null>();
    for (const row of group.rows) {
      const labels = { ...groupLabels, topic: row.topic, partition: String(row.partition) };
      families.add(s.groupOffset, labels, row.committed ?? -1);
      if (row.committed === null) families.add(s.groupLag, labels, -1);
      else {
        if (row.lag !== null) families.add(s.groupLag, labels, row.lag);
        const sum = sums.get(row.topic);
        sums.set(row.topic, row.lag === null || sum === null ? null : (sum ?? 0n) + BigInt(row.lag));
      }
      if (row.timeLagMs !== null)
        families.add(
          s.groupLagSeconds,
          { ...base, group: group.groupId, topic: row.topic, partition: String(row.partition) },
          row.timeLagMs / 1000,
        );
    }
    for (const [topic, sum] of sums) if (sum !== null) families.add(s.groupLagSum, { ...groupLabels, topic }, sum);
  }
}

const counter = (name: string, help: string): MetricSpec => ({ name, help, type: 'counter' });
export const CONSOLE_SPECS = {
  up: gauge(
    'kafka_console_cluster_up',
    '1 if the console served this scrape from a snapshot of the cluster, 0 if it has none it could read',
  ),
  snapshotTime: gauge('kafka_console_snapshot_timestamp_seconds', 'When the data of the snapshot this scrape was served from was read'),
  requests: counter('kafka_console_kafka_requests_total', 'Kafka requests the console process sent, by API'),
  timeouts: counter('kafka_console_kafka_request_timeouts_total', 'Kafka requests of the console process that timed out, by API'),
  passDuration: gauge('kafka_console_sampler_pass_duration_seconds', "Duration of the lag sampler's last successful pass"),
  lastPass: gauge('kafka_console_sampler_last_pass_timestamp_seconds', "When the lag sampler's last successful pass ended"),
} as const;

export type ConsoleState = {
  up: boolean;
  snapshots: { cluster?: number; groups?: number };
  requests: RequestCounts;
  lastPass: { at: number; durationMs: number } | null;
};

/** The console's own view of a cluster: served or not, how old, what it cost in requests, how long sampling takes. */
export function addConsoleSamples(families: FamilySet, base: Labels, state: ConsoleState) {
  const s = CONSOLE_SPECS;
  families.add(s.up, base, state.up ? 1 : 0);
  for (const [snapshot, asOf] of Object.entries(state.snapshots)) families.add(s.snapshotTime, { ...base, snapshot }, asOf / 1000);
  for (const [api, { requests, timeouts }] of Object.entries(state.requests).sort(([a], [b]) => (a < b ? -1 : 1))) {
    families.add(s.requests, { ...base, api }, requests);
    families.add(s.timeouts, { ...base, api }, timeouts);
  }
  if (state.lastPass) {
    families.add(s.passDuration, base, state.lastPass.durationMs / 1000);
    families.add(s.lastPass, base, state.lastPass.at / 1000);
  }
}

// The console process's own memory, under the names Prometheus's client libraries use (prom-client's for Node).
export const PROCESS_SPECS = {
  rss: gauge('process_resident_memory_bytes', 'Resident memory size in bytes.'),
  heapUsed: gauge('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.'),
  heapTotal: gauge('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.'),
  external: gauge('nodejs_external_memory_bytes', 'Node.js external memory size in bytes (the embedded database included).'),
} as const;

/** Once per exposition, without a cluster label: memory is the process's, whichever clusters it serves. */
export function addProcessSamples(families: FamilySet, memory: NodeJS.MemoryUsage) {
  const s = PROCESS_SPECS;
  families.add(s.rss, {}, memory.rss);
  families.add(s.heapUsed, {}, memory.heapUsed);
  families.add(s.heapTotal, {}, memory.heapTotal);
  families.add(s.external, {}, memory.external);
}

export const ALL_SPECS: MetricSpec[] = [...Object.values(PROCESS_SPECS), ...Object.values(CONSOLE_SPECS), ...Object.values(KAFKA_SPECS)];
