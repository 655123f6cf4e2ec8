import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { partitionKey } from '@/server/kafka/partition-key';
import type { PartitionLayout } from '@/server/kafka/metadata';
import type { GroupRead, GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { createSampleStore, recordPass } from '@/server/lag/lag-samples';
import type { ShareGroupRead } from '@/server/lag/share-groups';
import { addClusterSamples, addConsoleSamples, addGroupSamples } from '@/server/metrics/prometheus-families';
import { createFamilies, formatFamilies } from '@/server/metrics/prometheus-format';

const layout = (partition: number, leader: number | null, replicas: number[], isr: number[]): PartitionLayout => ({
  partition,
  errorCode: 0,
  leader,
  replicas,
  isr,
  offlineReplicas: [],
});
const offsets = (topic: string, partition: number, logStartOffset: string | null, highWatermark: string | null) =>
  [
    partitionKey(topic, partition),
    { topic, partition, logStartOffset, highWatermark, error: highWatermark === null ? 'NOT_LEADER' : null },
  ] as const;

const cluster = {
  metadata: {
    brokers: [1, 2, 3].map((id) => ({ id, host: 'h', port: 9092, rack: null })),
    topics: [
      {
        name: 't',
        internal: false,
        errorCode: 0,
        partitions: [layout(0, 1, [1, 2], [1, 2]), layout(1, 3, [2, 3], [3]), layout(2, null, [3, 1], [])],
      },
      { name: '__consumer_offsets', internal: true, errorCode: 0, partitions: [layout(0, 2, [2], [2])] },
      { name: 'being-created', internal: false, errorCode: 5, partitions: [] },
    ],
  },
  offsets: new Map([
    offsets('t', 0, '0', '9223372036854775807'),
    offsets('t', 1, '5', '10'),
    offsets('t', 2, null, null),
    offsets('__consumer_offsets', 0, '0', '3'),
  ]),
} as unknown as Pick<ClusterSnapshot, 'metadata' | 'offsets'>;

const group = (groupId: string, committed: [string, number, string | null][], extra: Partial<GroupRead> = {}): GroupRead => ({
  groupId,
  state: 'Empty',
  groupProtocol: 'classic',
  assignor: null,
  epochs: null,
  members: [],
  errorCode: 0,
  coordinatorId: 1,
  protocolType: 'consumer',
  committed: new Map(committed.map(([topic, partition, offset]) => [partitionKey(topic, partition), offset])),
  ...extra,
});
const member = { memberId: 'm-1', groupInstanceId: null, clientId: 'c', host: '/127.0.0.1', assignments: [{ topic: 'u', partition: 0 }] };
const groups: GroupsSnapshot = {
  asOf: 20_000,
  errors: [],
  shareGroups: [],
  streamsGroups: [],
  endOffsets: new Map([
    offsets('t', 0, null, '100'),
    offsets('t', 1, null, '10'),
    offsets('t', 2, null, null),
    offsets('u', 0, null, '7'),
    offsets('u', 1, null, '4'),
  ]),
  groups: [
    group('stopped', [
      ['t', 0, '60'],
      ['t', 1, '12'],
    ]),
    group('unknown-end', [
      ['t', 1, '10'],
      ['t', 2, '3'],
    ]),
    group('live', [['u', 1, '4']], { state: 'Stable', members: [member] }),
    group('unreadable', [['t', 0, '1']], { error: 'NOT_COORDINATOR' }),
  ],
};

/** Sample lines of one family, as printed. */
function lines(text: string, name: string) {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe('Prometheus families, kafka_exporter names and semantics', () => {
  it('maps the cluster snapshot: brokers, partitions, offsets as exact text, replicas, ISR and under-replication', () => {
    const families = createFamilies();
    addClusterSamples(families, { cluster: 'prod' }, cluster);
    const text = formatFamilies(families.list());
    expect(lines(text, 'kafka_brokers')).toEqual(['kafka_brokers{cluster="prod"} 3']);
    expect(lines(text, 'kafka_topic_partitions')).toEqual([
      'kafka_topic_partitions{cluster="prod",topic="t"} 3',
      'kafka_topic_partitions{cluster="prod",topic="__consumer_offsets"} 1',
    ]);
    expect(lines(text, 'kafka_topic_partition_current_offset')).toEqual([
      'kafka_topic_partition_current_offset{cluster="prod",topic="t",partition="0"} 9223372036854775807',
      'kafka_topic_partition_current_offset{cluster="prod",topic="t",partition="1"} 10',
      'kafka_topic_partition_current_offset{cluster="prod",topic="__consumer_offsets",partition="0"} 3',
    ]);
    expect(lines(text, 'kafka_topic_partition_oldest_offset').map((l) => l.split(' ')[1])).toEqual(['0', '5', '0']);
    expect(lines(text, 'kafka_topic_partition_in_sync_replica').map((l) => l.split(' ')[1])).toEqual(['2', '1', '0', '1']);
    expect(lines(text, 'kafka_topic_partition_under_replicated_partition').map((l) => l.split(' ')[1])).toEqual(['0', '1', '1', '0']);
    expect(lines(text, 'kafka_topic_partition_replicas').map((l) => l.split(' ')[1])).toEqual(['2', '2', '2', '1']);
    // The leaderless partition has no leader series and is not on its preferred leader.
    expect(lines(text, 'kafka_topic_partition_leader').map((l) => l.split(' ')[1])).toEqual(['1', '3', '2']);
    expect(lines(text, 'kafka_topic_partition_leader_is_preferred').map((l) => l.split(' ')[1])).toEqual(['1', '0', '0', '1']);
    expect(text).not.toContain('being-created');
  });

  it('maps groups as kafka-consumer-groups --describe: lag unclamped, -1 without a commit, sums per topic, members', () => {
    const families = createFamilies();
    addGroupSamples(families, {}, groups, null);
    const text = formatFamilies(families.list());
    expect(lines(text, 'kafka_consumergroup_current_offset')).toEqual([
      'kafka_consumergroup_current_offset{consumergroup="stopped",topic="t",partition="0"} 60',
      'kafka_consumergroup_current_offset{consumergroup="stopped",topic="t",partition="1"} 12',
      'kafka_consumergroup_current_offset{consumergroup="unknown-end",topic="t",partition="1"} 10',
      'kafka_consumergroup_current_offset{consumergroup="unknown-end",topic="t",partition="2"} 3',
      'kafka_consumergroup_current_offset{consumergroup="live",topic="u",partition="0"} -1',
      'kafka_consumergroup_current_offset{consumergroup="live",topic="u",partition="1"} 4',
    ]);
    expect(lines(text, 'kafka_consumergroup_lag')).toEqual([
      'kafka_consumergroup_lag{consumergroup="stopped",topic="t",partition="0"} 40',
      // Committed ahead of the high watermark: negative, as the CLI prints it.
      'kafka_consumergroup_lag{consumergroup="stopped",topic="t",partition="1"} -2',
      'kafka_consumergroup_lag{consumergroup="unknown-end",topic="t",partition="1"} 0',
      'kafka_consumergroup_lag{consumergroup="live",topic="u",partition="0"} -1',
      'kafka_consumergroup_lag{consumergroup="live",topic="u",partition="1"} 0',
    ]);
    // Untyped: promtool's lint reserves _sum for summaries and histograms (kafka_exporter's gauge fails it).
    expect(text).toContain('# TYPE kafka_consumergroup_lag_sum untyped\n');
    // A sum with a partition of unknown lag would be too low: left out. The -1 of "no commit" is not added.
    expect(lines(text, 'kafka_consumergroup_lag_sum')).toEqual([
      'kafka_consumergroup_lag_sum{consumergroup="stopped",topic="t"} 38',
      'kafka_consumergroup_lag_sum{consumergroup="live",topic="u"} 0',
    ]);
    expect(lines(text, 'kafka_consumergroup_members')).toEqual([
      'kafka_consumergroup_members{consumergroup="stopped"} 0',
      'kafka_consumergroup_members{consumergroup="unknown-end"} 0',
      'kafka_consumergroup_members{consumergroup="live"} 1',
    ]);
    expect(text).not.toContain('unreadable');
    expect(text).not.toContain('kafka_consumergroup_group_lag_seconds');
  });

  it("maps a share group's start offsets and the broker's lag under the same names; no lag in seconds", () => {
    const share = {
      groupId: 'queue',
      members: [],
      offsets: [
        { topic: 's', partition: 0, startOffset: '40', lag: '7' },
        { topic: 's', partition: 1, startOffset: null, lag: null },
      ],
    } as unknown as ShareGroupRead;
    const families = createFamilies();
    const store = createSampleStore({ window: 3, allowedLag: 0 });
    addGroupSamples(families, {}, { ...groups, groups: [], shareGroups: [share] }, { store, window: 3, intervalMs: 1_000 });
    const text = formatFamilies(families.list());
    expect(lines(text, 'kafka_consumergroup_current_offset')).toEqual([
      'kafka_consumergroup_current_offset{consumergroup="queue",topic="s",partition="0"} 40',
      'kafka_consumergroup_current_offset{consumergroup="queue",topic="s",partition="1"} -1',
    ]);
    // The broker's count of unacknowledged records, not a difference of offsets.
    expect(lines(text, 'kafka_consumergroup_lag')).toEqual([
      'kafka_consumergroup_lag{consumergroup="queue",topic="s",partition="0"} 7',
      'kafka_consumergroup_lag{consumergroup="queue",topic="s",partition="1"} -1',
    ]);
    expect(lines(text, 'kafka_consumergroup_members')).toEqual(['kafka_consumergroup_members{consumergroup="queue"} 0']);
    expect(text).not.toContain('kafka_consumergroup_group_lag_seconds');
  });

  it("gives the sampler's time lag in seconds where it is known", () => {
    const store = createSampleStore({ window: 3, allowedLag: 0 });
    const endsAt = (asOf: number, hwm: string) => ({
      asOf,
      groups: [],
      endOffsets: new Map([[partitionKey('t', 0), { highWatermark: hwm }]]),
    });
    recordPass(store, endsAt(10_000, '0'));
    recordPass(store, endsAt(20_000, '100'));
    const families = createFamilies();
    addGroupSamples(families, {}, { ...groups, groups: [group('stopped', [['t', 0, '60']])] }, { store, window: 3, intervalMs: 10_000 });
    // The high watermark passed 60 at 16 s; the snapshot is of 20 s.
    expect(lines(formatFamilies(families.list()), 'kafka_consumergroup_group_lag_seconds')).toEqual([
      'kafka_consumergroup_group_lag_seconds{group="stopped",topic="t",partition="0"} 4',
    ]);
  });

  it("reports the console's own state: up, snapshot times, requests by API, the sampler's last pass", () => {
    const families = createFamilies();
    const requests = { Metadata: { requests: 4, timeouts: 0 }, ListOffsets: { requests: 12, timeouts: 1 } };
    addConsoleSamples(
      families,
      { cluster: 'a' },
      { up: true, snapshots: { cluster: 1_500 }, requests, lastPass: { at: 2_000, durationMs: 250 } },
    );
    addConsoleSamples(families, { cluster: 'down' }, { up: false, snapshots: {}, requests: {}, lastPass: null });
    const text = formatFamilies(families.list());
    expect(lines(text, 'kafka_console_cluster_up')).toEqual([
      'kafka_console_cluster_up{cluster="a"} 1',
      'kafka_console_cluster_up{cluster="down"} 0',
    ]);
    expect(lines(text, 'kafka_console_snapshot_timestamp_seconds')).toEqual([
      'kafka_console_snapshot_timestamp_seconds{cluster="a",snapshot="cluster"} 1.5',
    ]);
    expect(lines(text, 'kafka_console_kafka_requests_total')).toEqual([
      'kafka_console_kafka_requests_total{cluster="a",api="ListOffsets"} 12',
      'kafka_console_kafka_requests_total{cluster="a",api="Metadata"} 4',
    ]);
    expect(text).toContain('# TYPE kafka_console_kafka_requests_total counter\n');
    expect(lines(text, 'kafka_console_sampler_pass_duration_seconds')).toEqual([
      'kafka_console_sampler_pass_duration_seconds{cluster="a"} 0.25',
    ]);
    expect(lines(text, 'kafka_console_sampler_last_pass_timestamp_seconds')).toEqual([
      'kafka_console_sampler_last_pass_timestamp_seconds{cluster="a"} 2',
    ]);
  });
});
