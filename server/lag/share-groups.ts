import 'server-only';
import type { ConsumerGroupSummary, ShareGroupDetailResponse, ShareGroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { kafkaErrorText } from '@/server/kafka/send-request';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { onGroupCoordinator, throwIfCoordinatorMoved } from '@/server/lag/group-coordinator';
import { topicPartitions } from '@/server/lag/describe-group-members';
import { lagTotals } from '@/server/lag/group-rows';
import { describeShareGroupOffsets } from '@/server/protocol/describe-share-group-offsets';
import { shareGroupDescribe, supportsShareGroups, type ShareGroupDescription } from '@/server/protocol/share-group-describe';

/** One share group as its coordinator describes it, with its rows (kafka-share-groups --describe). */
export type ShareGroupRead = Omit<ShareGroupDetailResponse, 'asOf' | 'partial'> & { errorCode: number };

/** Rows by topic, then partition (the tool's order). */
const byTopicPartition = (a: ShareGroupOffsetRow, b: ShareGroupOffsetRow) =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

function shareGroupRead(
  groupId: string,
  coordinatorId: number,
  described: ShareGroupDescription | undefined,
  offsets: Awaited<ReturnType<typeof describeShareGroupOffsets>>[number] | undefined,
): ShareGroupRead {
  const rows = (offsets?.topics ?? []).flatMap((t) =>
    t.partitions.map((p): ShareGroupOffsetRow => ({ topic: t.topic, partition: p.partition, startOffset: p.startOffset, lag: p.lag })),
  );
  const error = [
    described ? kafkaErrorText(described.errorCode, described.errorMessage) : 'no description in the answer',
    offsets ? kafkaErrorText(offsets.errorCode, offsets.errorMessage) : 'no offsets in the answer',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    groupId,
    type: 'share',
    state: described?.state || 'Unknown',
    protocolType: 'share',
    groupProtocol: 'share',
    assignor: described?.assignorName || null,
    coordinatorId,
    epochs: { groupEpoch: described?.groupEpoch ?? -1, targetAssignmentEpoch: described?.assignmentEpoch ?? -1 },
    members: (described?.members ?? []).map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.clientHost,
      rack: m.rackId,
      memberEpoch: m.memberEpoch,
      subscribedTopicNames: m.subscribedTopicNames,
      assignments: topicPartitions(m.assignment),
    })),
    offsets: rows.sort(byTopicPartition),
    errorCode: described?.errorCode ?? -1,
    ...(error ? { error } : {}),
  };
}

/** ShareGroupDescribe and DescribeShareGroupOffsets for `groupIds` on their coordinator, in parallel. */
async function describeOn(broker: KafkajsBroker, groupIds: readonly string[], coordinatorId: number) {
  const [described, offsets] = await Promise.all([shareGroupDescribe(broker, groupIds), describeShareGroupOffsets(broker, groupIds)]);
  const byId = new Map(described.map((g) => [g.groupId, g]));
  const offsetsById = new Map(offsets.map((g) => [g.groupId, g]));
  return groupIds.map((id) => shareGroupRead(id, coordinatorId, byId.get(id), offsetsById.get(id)));
}

/** The groups snapshot's wave on one coordinator: its share groups, or each with the coordinator's error. */
export async function readShareGroupsOn(connection: KafkaConnection, coordinatorId: number, groupIds: readonly string[]) {
  const [outcome] = await onBrokers(connection, [coordinatorId], (broker) => describeOn(broker, groupIds, coordinatorId));
  if (outcome?.ok) return outcome.value;
  return groupIds.map((id) => ({ ...shareGroupRead(id, coordinatorId, undefined, undefined), error: outcome?.error ?? 'no answer' }));
}

/** One share group on its coordinator; null when Kafka knows no share group of that id (or no share groups at all). */
export async function describeShareGroup(broker: KafkajsBroker, groupId: string): Promise<ShareGroupRead | null> {
  // Share groups exist from Kafka 4.1 (ShareGroupDescribe v1); older brokers have none to find.
  if (!supportsShareGroups(broker)) return null;
  const [read] = await describeOn(broker, [groupId], broker.nodeId);
  if (!read || read.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND) return null;
  throwIfCoordinatorMoved(read.errorCode);
  return read;
}

/** One share group read on its own (its page): FindCoordinator, then the share APIs on the coordinator. */
export async function readShareGroup(clusterId: string, groupId: string): Promise<ShareGroupRead | null> {
  return withKafka(clusterId, (connection) => onGroupCoordinator(connection, groupId, (broker) => describeShareGroup(broker, groupId)));
}

/** A share group's row of the groups list: totals over the lags the broker knows. */
export function summarizeShareGroup(group: ShareGroupRead): ConsumerGroupSummary {
  return {
    groupId: group.groupId,
    type: 'share',
    state: group.state,
    protocolType: 'share',
    groupProtocol: 'share',
    assignor: group.assignor,
    coordinatorId: group.coordinatorId,
    memberCount: group.members.length,
    topics: [...new Set([...group.offsets.map((r) => r.topic), ...group.members.flatMap((m) => m.subscribedTopicNames)])].sort(),
    ...lagTotals(group.offsets),
    // Time lag and status come from the lag sampler, which reads consumer groups' commits only.
    maxTimeLagMs: null,
    maxTimeLagIsLowerBound: false,
    status: null,
    sampling: null,
    ...(group.error ? { error: group.error } : {}),
  };
}
