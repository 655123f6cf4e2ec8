import 'server-only';
import type { ConsumerGroupSummary, StreamsGroupDetailResponse, StreamsGroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { PartitionOffsets } from '@/server/kafka/offsets';
import { partitionKey, splitPartitionKey } from '@/server/kafka/partition-key';
import { kafkaError, kafkaErrorText } from '@/server/kafka/send-request';
import { onGroupCoordinator, throwIfCoordinatorMoved, type GroupPosition } from '@/server/lag/group-coordinator';
import { lagTotals } from '@/server/lag/group-rows';
import { readEndOffsets } from '@/server/lag/groups-snapshot';
import { fetchCommittedOffsets, type OffsetFetchGroup } from '@/server/protocol/offset-fetch';
import {
  streamsGroupDescribe,
  supportsStreamsGroups,
  type StreamsAssignment,
  type StreamsGroupDescription,
} from '@/server/protocol/streams-group-describe';

/** A streams group as its coordinator describes it, before its rows' end offsets are read. */
export type StreamsGroupRead = Omit<StreamsGroupDetailResponse, 'asOf' | 'partial' | 'offsets'> & {
  errorCode: number;
  /** Committed offsets by partitionKey (null = no valid offset), and their leader epochs. */
  committed: Map<string, { offset: string | null; leaderEpoch: number | null }>;
  /** The input partitions of the members' active tasks, by partitionKey. */
  activeInputs: Set<string>;
};

const byTopicPartition = (a: { topic: string; partition: number }, b: { topic: string; partition: number }) =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

const assignmentOf = (a: StreamsAssignment) => ({ active: a.active, standby: a.standby, warmup: a.warmup });

/**
 * The topics a task of each subtopology reads, partition for partition: its source topics and the repartition
 * topics other subtopologies write to it (kafka-streams-groups' rows are these, for every active task).
 */
function activeInputsOf(described: StreamsGroupDescription) {
  const inputs = new Map<string, string[]>();
  for (const s of described.topology?.subtopologies ?? [])
    inputs.set(s.subtopologyId, [...s.sourceTopics, ...s.repartitionSourceTopics.map((t) => t.name)]);
  const keys = new Set<string>();
  for (const m of described.members)
    for (const task of m.assignment.active)
      for (const topic of inputs.get(task.subtopologyId) ?? []) for (const p of task.partitions) keys.add(partitionKey(topic, p));
  return keys;
}

function streamsGroupRead(
  groupId: string,
  coordinatorId: number,
  described: StreamsGroupDescription | undefined,
  fetched: OffsetFetchGroup | undefined,
): StreamsGroupRead {
  const error = [
    described ? kafkaErrorText(described.errorCode, described.errorMessage) : 'no description in the answer',
    fetched ? kafkaErrorText(fetched.errorCode) : 'no offsets in the answer',
  ]
    .filter(Boolean)
    .join('; ');
  const committed = new Map<string, { offset: string | null; leaderEpoch: number | null }>();
  for (const t of fetched?.topics ?? [])
    for (const p of t.partitions)
      if (p.errorCode === 0) committed.set(partitionKey(t.name, p.partition), { offset: p.committedOffset, leaderEpoch: p.leaderEpoch });
  return {
    groupId,
    type: 'streams',
    state: described?.state || 'Unknown',
    protocolType: 'streams',
    groupProtocol: 'streams',
    assignor: described?.assignorName ?? null,
    coordinatorId,
    epochs: { groupEpoch: described?.groupEpoch ?? -1, targetAssignmentEpoch: described?.assignmentEpoch ?? -1 },
    topology: described?.topology ?? null,
    members: (described?.members ?? []).map((m) => ({
      memberId: m.memberId,
      memberEpoch: m.memberEpoch,
      topologyEpoch: m.topologyEpoch,
      instanceId: m.instanceId,
      rack: m.rackId,
      clientId: m.clientId,
      host: m.clientHost,
      processId: m.processId,
      userEndpoint: m.userEndpoint,
      clientTags: m.clientTags,
      memberProtocol: m.isClassic ? 'classic' : 'streams',
      assignment: assignmentOf(m.assignment),
      targetAssignment: assignmentOf(m.targetAssignment),
    })),
    errorCode: described?.errorCode ?? -1,
    committed,
    activeInputs: described ? activeInputsOf(described) : new Set(),
    ...(error ? { error } : {}),
  };
}

/** StreamsGroupDescribe and OffsetFetch (every committed partition) for `groupIds` on their coordinator. */
async function describeOn(broker: KafkajsBroker, groupIds: readonly string[], coordinatorId: number) {
  const [described, fetched] = await Promise.all([
    streamsGroupDescribe(broker, groupIds),
    fetchCommittedOffsets(
      broker,
      groupIds.map((groupId) => ({ groupId, topics: null })),
    ),
  ]);
  const byId = new Map(described.map((g) => [g.groupId, g]));
  const fetchedById = new Map(fetched.map((g) => [g.groupId, g]));
  return groupIds.map((id) => streamsGroupRead(id, coordinatorId, byId.get(id), fetchedById.get(id)));
}

/** The groups snapshot's wave on one coordinator: its streams groups, or each with the coordinator's error. */
export async function readStreamsGroupsOn(connection: KafkaConnection, coordinatorId: number, groupIds: readonly string[]) {
  const [outcome] = await onBrokers(connection, [coordinatorId], (broker) => describeOn(broker, groupIds, coordinatorId));
  if (outcome?.ok) return outcome.value;
  return groupIds.map((id) => ({ ...streamsGroupRead(id, coordinatorId, undefined, undefined), error: outcome?.error ?? 'no answer' }));
}

/** The partitions whose offsets the rows need: the active tasks' inputs and every committed partition. */
export function streamsPartitionKeys(groups: readonly StreamsGroupRead[]) {
  const keys = new Set<string>();
  for (const g of groups) for (const key of [...g.activeInputs, ...g.committed.keys()]) keys.add(key);
  return keys;
}

/**
 * kafka-streams-groups --describe --verbose's rows: lag = log end − committed, or log end − log start without a
 * commit (StreamsGroupCommand counts an uncommitted partition's whole log). The tool lists the active tasks' input
 * partitions only, so an empty group shows nothing there; here it still shows what it committed.
 */
export function streamsRows(group: StreamsGroupRead, offsets: ReadonlyMap<string, PartitionOffsets>): StreamsGroupOffsetRow[] {
  const keys = new Set([...group.activeInputs, ...group.committed.keys()]);
  return [...keys]
    .map((key): StreamsGroupOffsetRow => {
      const { topic, partition } = splitPartitionKey(key);
      const commit = group.committed.get(key);
      const read = offsets.get(key);
      const end = read?.highWatermark ?? null;
      const from = commit?.offset ?? read?.logStartOffset ?? null;
      return {
        topic,
        partition,
        currentOffset: commit?.offset ?? null,
        leaderEpoch: commit?.leaderEpoch ?? null,
        logEndOffset: end,
        lag: end !== null && from !== null ? String(BigInt(end) - BigInt(from)) : null,
        ...(read?.error ? { error: read.error } : {}),
      };
    })
    .sort(byTopicPartition);
}

/** One streams group on its coordinator; null when Kafka knows no streams group of that id. */
async function describeOne(broker: KafkajsBroker, groupId: string) {
  // Streams groups exist from Kafka 4.1 (StreamsGroupDescribe); older brokers have none to find.
  if (!supportsStreamsGroups(broker)) return null;
  const [read] = await describeOn(broker, [groupId], broker.nodeId);
  if (!read || read.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND) return null;
  throwIfCoordinatorMoved(read.errorCode);
  return read;
}

/**
 * One streams group read on its own (its page): FindCoordinator, StreamsGroupDescribe and OffsetFetch on the
 * coordinator, then ListOffsets (earliest and latest) for its rows. null when there is no such streams group.
 */
export async function readStreamsGroup(clusterId: string, groupId: string): Promise<Omit<StreamsGroupDetailResponse, 'asOf'> | null> {
  const read = await withKafka(clusterId, (connection) =>
    onGroupCoordinator(connection, groupId, (broker) => describeOne(broker, groupId)),
  );
  if (!read) return null;
  const { metadata } = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
  const offsets = await readEndOffsets(clusterId, streamsPartitionKeys([read]), metadata, { earliest: true });
  const { errorCode: _code, committed: _committed, activeInputs: _inputs, ...group } = read;
  const offsetRows = streamsRows(read, offsets);
  const partial = Boolean(group.error) || offsetRows.some((r) => r.error);
  return { ...group, offsets: offsetRows, ...(partial ? { partial: true } : {}) };
}

/** A streams group as a reset needs it, on its coordinator; null when the id names no streams group. */
export async function readStreamsPosition(broker: KafkajsBroker, groupId: string): Promise<GroupPosition | null> {
  const read = await describeOne(broker, groupId);
  if (!read) return null;
  if (read.errorCode !== 0) throw kafkaError(read.errorCode)!;
  const committed = new Map([...read.committed].map(([key, c]) => [key, c.offset]));
  return { groupId, state: read.state, memberCount: read.members.length, committed };
}

/** A streams group's row of the groups list: totals over its rows. */
export function summarizeStreamsGroup(group: StreamsGroupRead, rows: readonly StreamsGroupOffsetRow[]): ConsumerGroupSummary {
  const sourceTopics = (group.topology?.subtopologies ?? []).flatMap((s) => s.sourceTopics);
  return {
    groupId: group.groupId,
    type: 'streams',
    state: group.state,
    protocolType: 'streams',
    groupProtocol: 'streams',
    assignor: group.assignor,
    coordinatorId: group.coordinatorId,
    memberCount: group.members.length,
    topics: [...new Set([...sourceTopics, ...rows.map((r) => r.topic)])].sort(),
    ...lagTotals(rows),
    // The lag sampler samples streams groups (their history and alerts have time lag and status), but the groups
    // list shows them for consumer groups only so far.
    maxTimeLagMs: null,
    maxTimeLagIsLowerBound: false,
    status: null,
    sampling: null,
    ...(group.error ? { error: group.error } : {}),
  };
}
