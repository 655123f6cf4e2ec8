import 'server-only';
import { getClusterSnapshot, SNAPSHOT_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka } from '@/server/kafka/clients';
import { freshCache } from '@/server/kafka/fresh-cache';
import type { KafkaConnection } from '@/server/kafka/connection';
import type { ClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets, type PartitionOffsets } from '@/server/kafka/offsets';
import { partitionKey, splitPartitionKey } from '@/server/kafka/partition-key';
import { describeGroupMembers, type DescribedGroup } from '@/server/lag/describe-group-members';
import { listGroupsByCoordinator, type CoordinatedGroup } from '@/server/protocol/list-groups';
import { allCommittedPartitions, fetchCommittedOffsets, type OffsetFetchGroup } from '@/server/protocol/offset-fetch';
import { kafkaErrorText } from '@/server/kafka/send-request';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { readShareGroupsOn, type ShareGroupRead } from '@/server/lag/share-groups';
import { readStreamsGroupsOn, streamsPartitionKeys, streamsRows, type StreamsGroupRead } from '@/server/lag/streams-groups';
import type { StreamsGroupOffsetRow } from '@/lib/schemas/consumer-groups';

export type StreamsGroupWithRows = StreamsGroupRead & { rows: StreamsGroupOffsetRow[] };

/** One consumer group as read in a snapshot. */
export type GroupRead = DescribedGroup & {
  coordinatorId: number;
  protocolType: string;
  /** Committed offsets by partitionKey; null = no valid offset. */
  committed: Map<string, string | null>;
  /** Why the group could not be read completely (offsets or description). */
  error?: string;
};

export type GroupsSnapshot = {
  asOf: number;
  /** Consumer groups (classic and KIP-848): the lag sampler, the rows and the alerts read these. */
  groups: GroupRead[];
  /** Share groups (KIP-932), read with their own APIs; the broker computes their lag. */
  shareGroups: ShareGroupRead[];
  /** Streams groups (KIP-1071) with their rows (their input partitions' offsets, read with the log start). */
  streamsGroups: StreamsGroupWithRows[];
  /** High watermarks of every partition a group committed or is assigned, read after the commits. */
  endOffsets: Map<string, PartitionOffsets>;
  errors: string[];
};

// Kafka lists other kinds of groups too (share, streams, connect): kafka-consumer-groups shows protocol type
// "consumer" (classic and KIP-848) and "" (groups that only ever had offsets committed for them). Share groups are
// read apart (readShareGroupsOn), and so are streams groups (readStreamsGroupsOn); Connect groups are not read here.
export const isConsumerProtocol = (protocolType: string) => protocolType === 'consumer' || protocolType === '';

export function committedOf(fetched: OffsetFetchGroup | undefined) {
  const committed = new Map<string, string | null>();
  for (const topic of fetched?.topics ?? []) {
    for (const p of topic.partitions) if (p.errorCode === 0) committed.set(partitionKey(topic.name, p.partition), p.committedOffset);
  }
  return committed;
}

/** Wave 2 on one coordinator: its groups' committed offsets (one OffsetFetch v8+) and descriptions, in parallel. */
async function readOnCoordinator(connection: KafkaConnection, coordinatorId: number, groups: CoordinatedGroup[]) {
  const [outcome] = await onBrokers(connection, [coordinatorId], async (broker) => {
    const [offsets, described] = await Promise.all([
      fetchCommittedOffsets(broker, allCommittedPartitions(groups.map((g) => g.groupId))),
      describeGroupMembers(broker, groups),
    ]);
    return { offsets: new Map(offsets.map((o) => [o.groupId, o])), described };
  });
  return groups.map((g): GroupRead => {
    const base = { coordinatorId, protocolType: g.protocolType };
    if (!outcome?.ok) {
      const state = g.groupState ?? 'Unknown';
      return {
        ...base,
        groupId: g.groupId,
        state,
        groupProtocol: g.groupType === 'consumer' ? 'consumer' : 'classic',
        assignor: null,
        epochs: null,
        members: [],
        errorCode: -1,
        committed: new Map(),
        error: outcome?.error ?? 'no answer',
      };
    }
    const fetched = outcome.value.offsets.get(g.groupId);
    const described = outcome.value.described.get(g.groupId);
    const error = [
      fetched ? kafkaErrorText(fetched.errorCode) : 'no offsets in the answer',
      described ? kafkaErrorText(described.errorCode) : 'no description in the answer',
    ]
      .filter(Boolean)
      .join('; ');
    return {
      ...base,
      groupId: g.groupId,
      state: described?.state ?? g.groupState ?? 'Unknown',
      groupProtocol: described?.groupProtocol ?? 'classic',
      assignor: described?.assignor ?? null,
      epochs: described?.epochs ?? null,
      members: described?.members ?? [],
      errorCode: described?.errorCode ?? fetched?.errorCode ?? -1,
      committed: committedOf(fetched),
      ...(error ? { error } : {}),
    };
  });
}

/** The partitions a consumer group's rows need: every committed or assigned one. */
export function groupPartitionKeys(groups: readonly GroupRead[]) {
  const wanted = new Set<string>();
  for (const g of groups) {
    for (const key of g.committed.keys()) wanted.add(key);
    for (const m of g.members) for (const a of m.assignments) wanted.add(partitionKey(a.topic, a.partition));
  }
  return wanted;
}

/** `keys` as a ListOffsets layout with their leaders from the cluster metadata; keys of unknown topics apart. */
function offsetsLayout(keys: ReadonlySet<string>, metadata: ClusterMetadata) {
  const leaders = new Map<string, number | null>();
  for (const t of metadata.topics) for (const p of t.partitions) leaders.set(partitionKey(t.name, p.partition), p.leader);
  const byTopic = new Map<string, { partition: number; leader: number | null }[]>();
  const unknown: string[] = [];
  for (const key of keys) {
    const { topic, partition } = splitPartitionKey(key);
    if (!leaders.has(key)) {
      unknown.push(key);
      continue;
    }
    let partitions = byTopic.get(topic);
    if (!partitions) byTopic.set(topic, (partitions = []));
    partitions.push({ partition, leader: leaders.get(key) ?? null });
  }
  return { layout: [...byTopic].map(([name, partitions]) => ({ name, partitions })), unknown };
}

/**
 * The high watermarks (and with `earliest`, the log start offsets) of the partitions `keys`, one ListOffsets per
 * leader of `metadata`; a topic created after `metadata` was read (a streams application's internal topic, say) gets
 * one fresh Metadata before it is called unknown (deleted?).
 */
export async function readEndOffsets(
  clusterId: string,
  keys: ReadonlySet<string>,
  metadata: ClusterMetadata,
  { earliest = false }: { earliest?: boolean } = {},
) {
  let { layout, unknown } = offsetsLayout(keys, metadata);
  if (unknown.length > 0) {
    ({ metadata } = await getClusterSnapshot(clusterId, { maxAgeMs: 0, logDirsMaxAgeMs: Infinity }));
    ({ layout, unknown } = offsetsLayout(keys, metadata));
  }
  const endOffsets = await withKafka(clusterId, async (connection) => {
    const offsets = await readOffsets(connection, layout, { earliest });
    return new Map(offsets.map((o) => [partitionKey(o.topic, o.partition), o]));
  });
  for (const key of unknown) {
    const { topic, partition } = splitPartitionKey(key);
    endOffsets.set(key, {
      topic,
      partition,
      logStartOffset: null,
      highWatermark: null,
      error: 'UNKNOWN_TOPIC_OR_PARTITION: the topic or partition does not exist (deleted?)',
    });
  }
  return endOffsets;
}

/**
 * All consumer groups of the cluster with their lag inputs, in three waves whatever the number of groups and
 * topics: ListGroups on every broker (the broker that lists a group is its coordinator); per coordinator one
 * OffsetFetch for all its groups plus DescribeGroups / ConsumerGroupDescribe; then one ListOffsets (latest,
 * READ_UNCOMMITTED = the high watermark) per leader — after the commits, so the race can only make lag larger,
 * never spuriously negative (kafka-consumer-groups reads in the same order). Metadata comes from the cluster
 * snapshot (at most 5 s old, refreshed when older or when a group reads a topic it does not know yet). A broker
 * that fails leaves errors on its groups, never a failed snapshot.
 */
async function readGroupsSnapshot(clusterId: string): Promise<GroupsSnapshot> {
  // Only the layout is used here: any log dirs do.
  const { metadata } = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
  const { groups, shareGroups, streamsGroups, errors } = await withKafka(clusterId, async (connection) => {
    const errors: string[] = [];
    const listed = await listGroupsByCoordinator(
      connection,
      metadata.brokers.map((b) => b.id),
    );
    for (const f of listed.failed) errors.push(`broker ${f.brokerId} could not list its groups: ${f.error}`);
    const byCoordinator = new Map<number, CoordinatedGroup[]>();
    const idsByType = { share: new Map<number, string[]>(), streams: new Map<number, string[]>() };
    for (const g of listed.groups) {
      const type = g.groupType?.toLowerCase();
      if (type === 'share' || type === 'streams') {
        const byId = idsByType[type];
        let ids = byId.get(g.coordinatorId);
        if (!ids) byId.set(g.coordinatorId, (ids = []));
        ids.push(g.groupId);
      } else if (isConsumerProtocol(g.protocolType)) {
        let groups = byCoordinator.get(g.coordinatorId);
        if (!groups) byCoordinator.set(g.coordinatorId, (groups = []));
        groups.push(g);
      }
    }
    const [consumerReads, shareReads, streamsReads] = await Promise.all([
      Promise.all([...byCoordinator].map(([id, gs]) => readOnCoordinator(connection, id, gs))),
      Promise.all([...idsByType.share].map(([id, ids]) => readShareGroupsOn(connection, id, ids))),
      Promise.all([...idsByType.streams].map(([id, ids]) => readStreamsGroupsOn(connection, id, ids))),
    ]);
    const byGroupId = (a: { groupId: string }, b: { groupId: string }) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0);
    const groups = consumerReads.flat().sort(byGroupId);
    for (const g of groups) {
      if (g.errorCode === KafkaErrorCode.NOT_COORDINATOR || g.errorCode === KafkaErrorCode.COORDINATOR_LOAD_IN_PROGRESS)
        errors.push(`group ${g.groupId}: its coordinator moved or is loading; read again shortly`);
    }
    return { groups, shareGroups: shareReads.flat().sort(byGroupId), streamsGroups: streamsReads.flat().sort(byGroupId), errors };
  });
  // Streams groups' rows count an uncommitted partition's whole log, so they read log start offsets too.
  const [endOffsets, streamsOffsets] = await Promise.all([
    readEndOffsets(clusterId, groupPartitionKeys(groups), metadata),
    streamsGroups.length ? readEndOffsets(clusterId, streamsPartitionKeys(streamsGroups), metadata, { earliest: true }) : new Map(),
  ]);
  if ([...endOffsets.values(), ...streamsOffsets.values()].some((o) => o.error)) errors.push('some end offsets could not be read');
  return {
    asOf: Date.now(),
    groups,
    shareGroups,
    streamsGroups: streamsGroups.map((g) => ({ ...g, rows: streamsRows(g, streamsOffsets) })),
    endOffsets,
    errors,
  };
}

const cache = freshCache('consumer-groups', readGroupsSnapshot);

/** The cluster's groups snapshot, refreshed (single-flight) when older than maxAgeMs. */
export function getGroupsSnapshot(clusterId: string, { maxAgeMs = SNAPSHOT_MAX_AGE_MS } = {}): Promise<GroupsSnapshot> {
  return cache(clusterId, maxAgeMs);
}
