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
import { knownGroupType, refreshOwnApiGroup } from '@/server/lag/get-group-detail';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getGroupRead } from '@/server/lag/read-group';
import { partitionsToReset, planReset, type PartitionBounds } from '@/server/lag/reset-plan';
import { readSharePosition, writeShareStartOffsets } from '@/server/lag/share-reset';
import { readStreamsPosition } from '@/server/lag/streams-groups';
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

/**
 * `kind`: the API family holding the group. A share group's (KIP-932) start offsets are reset instead of commits; a
 * streams group (KIP-1071) commits as a consumer group does, checked empty with its own describe.
 */
type GroupKind = 'consumer' | 'share' | 'streams';
type Prepared = { rows: OffsetResetRow[]; warnings: string[]; kind: GroupKind };

const OWN_API_POSITIONS = { share: readSharePosition, streams: readStreamsPosition };

/**
 * A share or streams group's position, or null for a consumer group: a type the group's page read is trusted (a
 * consumer group then costs nothing more), otherwise the share and streams APIs are asked on the coordinator.
 */
async function ownApiPosition(connection: KafkaConnection, clusterId: string, groupId: string) {
  const known = knownGroupType(clusterId, groupId);
  if (known === 'classic' || known === 'consumer') return null;
  const order = known === 'streams' ? (['streams', 'share'] as const) : (['share', 'streams'] as const);
  return onGroupCoordinator(connection, groupId, async (broker) => {
    for (const kind of order) {
      const position = await OWN_API_POSITIONS[kind](broker, groupId);
      if (position) return { kind, position };
    }
    return null;
  });
}

/** What kafka-share-groups --reset-offsets offers (and --to-offset, which its API allows). */
const SHARE_STRATEGIES = new Set(['earliest', 'latest', 'timestamp', 'offset']);

/** Reads everything the plan needs (group, source group, metadata, offsets) and computes the rows. */
async function prepare(connection: KafkaConnection, clusterId: string, groupId: string, input: OffsetResetInput): Promise<Prepared> {
  if (input.strategy === 'copy' && input.fromGroupId === groupId) {
    throw new ApiError('VALIDATION', 'Copy offsets from another group, not the group itself', {
      fieldErrors: { fromGroupId: ['the group itself'] },
    });
  }
  // Share and streams groups are reset with the same plan; a group id names one group of one type.
  const own = await ownApiPosition(connection, clusterId, groupId);
  const kind: GroupKind = own?.kind ?? 'consumer';
  if (kind === 'share' && !SHARE_STRATEGIES.has(input.strategy)) {
    throw new ApiError('VALIDATION', 'A share group resets to the earliest or latest offset, a time or an offset', {
      fieldErrors: { strategy: ['earliest, latest, timestamp or offset for a share group'] },
    });
  }
  // kafka-streams-groups --reset-offsets has every strategy but copying another group's offsets.
  if (kind === 'streams' && input.strategy === 'copy') {
    throw new ApiError('VALIDATION', "A streams group cannot copy another group's offsets", {
      fieldErrors: { strategy: ['not for a streams group'] },
    });
  }
  const [group, source, metadata] = await Promise.all([
    own?.position ?? readGroupPosition(connection, groupId),
    input.strategy === 'copy' && input.fromGroupId ? readGroupPosition(connection, input.fromGroupId) : undefined,
    readClusterMetadata(connection),
  ]);
  assertInactive(group, kind === 'share' ? 'reset its start offsets' : undefined);
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
  return { rows: planned.value, warnings: [...scope.warnings, ...planned.warnings], kind };
}

/** The rows kafka-consumer-groups --reset-offsets --dry-run prints for the same flags; nothing is changed. */
export async function previewOffsetReset(clusterId: string, groupId: string, input: OffsetResetInput): Promise<OffsetResetResponse> {
  const { kind: _kind, ...prepared } = await withKafka(clusterId, (connection) => prepare(connection, clusterId, groupId, input));
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
    const plan = await prepare(connection, clusterId, groupId, input);
    if (plan.rows.length === 0) return plan;
    if (plan.kind === 'share') {
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
      const state = plan.kind === 'streams' ? await readStreamsPosition(broker, groupId) : await describeGroupState(broker, groupId);
      assertInactive({ groupId, ...(state ?? { state: 'Dead', memberCount: 0 }) });
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
    refreshOwnApiGroup(clusterId, groupId),
  ]).catch(() => undefined);
  const { kind: _kind, ...rows } = prepared;
  return { groupId, ...rows };
}
