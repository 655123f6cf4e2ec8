import 'server-only';
import { ApiError } from '@/lib/errors';
import type { OffsetResetInput, OffsetResetResponse, OffsetResetRow } from '@/lib/schemas/offset-reset';
import { withKafka } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets } from '@/server/kafka/offsets';
import { readOffsetsForTime } from '@/server/kafka/offsets-for-time';
import { partitionKey } from '@/server/kafka/partition-key';
import { assertInactive, describeGroupState, onGroupCoordinator, readGroupPosition } from '@/server/lag/group-coordinator';
import { refreshShareGroup } from '@/server/lag/get-group-detail';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getGroupRead } from '@/server/lag/read-group';
import { partitionsToReset, planReset, type PartitionBounds } from '@/server/lag/reset-plan';
import { readSharePosition, writeShareStartOffsets } from '@/server/lag/share-reset';
import { commitOffsets } from '@/server/protocol/offset-commit';
import { kafkaError } from '@/server/kafka/send-request';

/**
 * What Kafka answers a simple-member commit while the group is live: the classic coordinator UNKNOWN_MEMBER_ID,
 * ILLEGAL_GENERATION or REBALANCE_IN_PROGRESS, the KIP-848 one STALE_MEMBER_EPOCH / UNKNOWN_MEMBER_ID,
 * NON_EMPTY_GROUP, FENCED_INSTANCE_ID, FENCED_MEMBER_EPOCH. All mean "members are active": 409.
 */
const LIVE_GROUP_ERRORS = new Map([
  [22, 'ILLEGAL_GENERATION'],
  [25, 'UNKNOWN_MEMBER_ID'],
  [27, 'REBALANCE_IN_PROGRESS'],
  [68, 'NON_EMPTY_GROUP'],
  [82, 'FENCED_INSTANCE_ID'],
  // Not in kafkajs 2.2.4's error table (KIP-848).
  [110, 'FENCED_MEMBER_EPOCH'],
  [113, 'STALE_MEMBER_EPOCH'],
]);

/** `share`: the group is a share group (KIP-932), whose start offsets are reset instead of commits. */
type Prepared = { rows: OffsetResetRow[]; warnings: string[]; share: boolean };

/** What kafka-share-groups --reset-offsets offers (and --to-offset, which its API allows). */
const SHARE_STRATEGIES = new Set(['earliest', 'latest', 'timestamp', 'offset']);

/** Reads everything the plan needs (group, source group, metadata, offsets) and computes the rows. */
async function prepare(connection: KafkaConnection, groupId: string, input: OffsetResetInput): Promise<Prepared> {
  if (input.strategy === 'copy' && input.fromGroupId === groupId) {
    throw new ApiError('VALIDATION', 'Copy offsets from another group, not the group itself', {
      fieldErrors: { fromGroupId: ['the group itself'] },
    });
  }
  // A share group's start offsets are reset with the same plan; asked first, since a group id names one group.
  const shareGroup = await onGroupCoordinator(connection, groupId, (broker) => readSharePosition(broker, groupId));
  if (shareGroup && !SHARE_STRATEGIES.has(input.strategy)) {
    throw new ApiError('VALIDATION', 'A share group resets to the earliest or latest offset, a time or an offset', {
      fieldErrors: { strategy: ['earliest, latest, timestamp or offset for a share group'] },
    });
  }
  const [group, source, metadata] = await Promise.all([
    shareGroup ?? readGroupPosition(connection, groupId),
    input.strategy === 'copy' && input.fromGroupId ? readGroupPosition(connection, input.fromGroupId) : undefined,
    readClusterMetadata(connection),
  ]);
  assertInactive(group, shareGroup ? 'reset its start offsets' : undefined);
  const topicPartitions = new Map(metadata.topics.map((t) => [t.name, t.partitions.map((p) => p.partition)]));
  const scope = partitionsToReset(input, { committed: group.committed, sourceCommitted: source?.committed, topicPartitions });
  const wanted = new Set(scope.value.map((p) => partitionKey(p.topic, p.partition)));
  const layout = metadata.topics
    .map((t) => ({ name: t.name, partitions: t.partitions.filter((p) => wanted.has(partitionKey(t.name, p.partition))) }))
    .filter((t) => t.partitions.length > 0);
  const [offsets, forTime] = await Promise.all([
    readOffsets(connection, layout),
    input.strategy === 'timestamp' ? readOffsetsForTime(connection, layout, input.timestamp ?? 0) : undefined,
  ]);
  const bounds = new Map<string, PartitionBounds>();
  const failures: string[] = [];
  for (const o of offsets) {
    if (o.logStartOffset !== null && o.highWatermark !== null)
      bounds.set(partitionKey(o.topic, o.partition), { logStartOffset: o.logStartOffset, highWatermark: o.highWatermark });
    else failures.push(`${o.topic}-${o.partition}: ${o.error ?? 'no offsets'}`);
  }
  for (const [key, error] of forTime?.errors ?? []) failures.push(`${key.replace('\u0000', '-')}: ${error}`);
  if (failures.length > 0) {
    // A reset is all or nothing: never plan with a partition whose offsets are unknown.
    throw new ApiError(
      'KAFKA_UNAVAILABLE',
      `The offsets of ${failures.length} partition(s) could not be read: ${failures.slice(0, 3).join('; ')}`,
    );
  }
  const planned = planReset(input, scope.value, {
    committed: group.committed,
    sourceCommitted: source?.committed,
    bounds,
    timestampOffsets: forTime?.offsets,
  });
  return { rows: planned.value, warnings: [...scope.warnings, ...planned.warnings], share: shareGroup !== null };
}

/** The rows kafka-consumer-groups --reset-offsets --dry-run prints for the same flags; nothing is changed. */
export async function previewOffsetReset(clusterId: string, groupId: string, input: OffsetResetInput): Promise<OffsetResetResponse> {
  const { share: _share, ...prepared } = await withKafka(clusterId, (connection) => prepare(connection, groupId, input));
  return { groupId, ...prepared };
}

/**
 * Plans again (offsets may have moved since the preview), checks on the coordinator right before committing that
 * the group still has no active members, then commits as a simple member (generation -1, member id "") like the
 * CLI's --execute: never by joining the group. 409 when members are live, whoever notices first (the console's
 * check or the coordinator's answer).
 */
export async function resetGroupOffsets(clusterId: string, groupId: string, input: OffsetResetInput): Promise<OffsetResetResponse> {
  const prepared = await withKafka(clusterId, async (connection) => {
    const plan = await prepare(connection, groupId, input);
    if (plan.rows.length === 0) return plan;
    if (plan.share) {
      await onGroupCoordinator(connection, groupId, (broker) => writeShareStartOffsets(broker, groupId, plan.rows));
      return plan;
    }
    const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
    for (const row of plan.rows) {
      const partitions = byTopic.get(row.topic) ?? [];
      byTopic.set(row.topic, partitions);
      partitions.push({ partition: row.partition, offset: BigInt(row.newOffset) });
    }
    await onGroupCoordinator(connection, groupId, async (broker) => {
      assertInactive({ groupId, ...(await describeGroupState(broker, groupId)) });
      const response = await commitOffsets(broker, {
        groupId,
        generationIdOrMemberEpoch: -1,
        memberId: '',
        topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })),
      });
      const failed = response.topics.flatMap((t) => t.partitions.filter((p) => p.errorCode !== 0).map((p) => ({ topic: t.name, ...p })));
      const first = failed[0];
      if (!first) return;
      const live = LIVE_GROUP_ERRORS.get(first.errorCode);
      if (live)
        throw new ApiError(
          'CONFLICT',
          `Consumer group "${groupId}" has active members: Kafka refused the commit (${live}); stop its consumers to reset its offsets`,
        );
      const error = kafkaError(first.errorCode)!;
      // NOT_COORDINATOR and loading errors are retried on the new coordinator; the rest map to the console's codes.
      error.message = `${error.message} (${failed.length} of ${plan.rows.length} partitions not reset, e.g. ${first.topic}-${first.partition})`;
      throw error;
    });
    return plan;
  });
  // Group pages (2 s) and lists (5 s) poll shared reads: fresh ones make the next poll show the new offsets.
  await Promise.all([
    getGroupsSnapshot(clusterId, { maxAgeMs: 0 }),
    getGroupRead(clusterId, groupId, { maxAgeMs: 0 }),
    refreshShareGroup(clusterId, groupId),
  ]).catch(() => undefined);
  const { share: _share, ...rows } = prepared;
  return { groupId, ...rows };
}
