import 'server-only';
import { getClusterSnapshot, VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka } from '@/server/kafka/clients';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { KafkaErrorCode } from '@/server/kafka/error-codes';
import { describeGroupMembers } from '@/server/lag/describe-group-members';
import {
  committedOf,
  groupPartitionKeys,
  isConsumerProtocol,
  readEndOffsets,
  type GroupRead,
  type GroupsSnapshot,
} from '@/server/lag/groups-snapshot';
import { freshCache } from '@/server/kafka/fresh-cache';
import { processState } from '@/server/process-state';
import { findGroupCoordinatorId } from '@/server/protocol/find-coordinator';
import { allCommittedPartitions, fetchCommittedOffsets } from '@/server/protocol/offset-fetch';

/** Where a group was last read: its coordinator, and whether it is a KIP-848 group (described by ConsumerGroupDescribe). */
type KnownGroup = { coordinatorId: number; groupType: 'consumer' | null };

/** Bounded: a console that has shown many groups forgets the oldest (it asks FindCoordinator again). */
const MAX_KNOWN_GROUPS = 10_000;
const knownGroups = () => processState('groupCoordinators', () => new Map<string, KnownGroup>());
const knownKey = (clusterId: string, groupId: string) => `${clusterId}\u0000${groupId}`;

function remember(key: string, known: KnownGroup) {
  const map = knownGroups();
  map.delete(key);
  map.set(key, known);
  if (map.size > MAX_KNOWN_GROUPS) map.delete(map.keys().next().value!);
}

/** The coordinator moved, is loading, or is not there: FindCoordinator again. */
const MOVED = new Set<number>([
  KafkaErrorCode.NOT_COORDINATOR,
  KafkaErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  KafkaErrorCode.COORDINATOR_NOT_AVAILABLE,
]);

/** The cluster layout may be this old for a group's end offsets; a partition it does not know, or a row that failed, reads it again. */
const LAYOUT_MAX_AGE_MS = 30_000;

type Outcome = { group: GroupRead } | { absent: true } | { unclear: true } | { moved: true };

/** One OffsetFetch and one describe (two for a KIP-848 group seen for the first time) on the coordinator. */
async function readOnCoordinator(connection: KafkaConnection, groupId: string, known: KnownGroup): Promise<Outcome> {
  const [outcome] = await onBrokers(connection, [known.coordinatorId], (broker) =>
    Promise.all([
      fetchCommittedOffsets(broker, allCommittedPartitions([groupId])),
      describeGroupMembers(broker, [{ groupId, groupType: known.groupType }]),
    ]),
  );
  if (!outcome?.ok) return { moved: true };
  const [[fetched], descriptions] = outcome.value;
  const described = descriptions.get(groupId);
  if (!fetched || !described) return { unclear: true };
  if (MOVED.has(fetched.errorCode) || MOVED.has(described.errorCode)) return { moved: true };
  if (fetched.errorCode !== 0) return { unclear: true };
  const committed = committedOf(fetched);
  // What ListGroups leaves out of the groups list (kafka-consumer-groups --list does the same): no such group, or
  // another protocol's group (Connect, share, streams).
  const gone = described.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND || described.state === 'Dead';
  if (gone && committed.size === 0) return { absent: true };
  if (described.errorCode === 0 && !isConsumerProtocol(described.protocolType)) return { absent: true };
  if (described.errorCode !== 0) return { unclear: true };
  return { group: { ...described, coordinatorId: known.coordinatorId, committed } };
}

/**
 * One consumer group read on its own, for its page, so that a page costs what its group costs and not what the
 * cluster's largest list costs: FindCoordinator only when the coordinator is not known or moved, one OffsetFetch
 * and one describe on the coordinator, then one ListOffsets per leader of the group's partitions (after the
 * commits, as kafka-consumer-groups reads them). Answers the same group as the groups snapshot would; null when the
 * answers are not clear enough to be sure of that (an error on the group), for the caller to ask the snapshot.
 */
export async function readGroup(clusterId: string, groupId: string): Promise<GroupsSnapshot | null> {
  const key = knownKey(clusterId, groupId);
  const outcome = await withKafka(clusterId, async (connection) => {
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const cached = attempt === 1 ? knownGroups().get(key) : undefined;
      const known = cached ?? {
        coordinatorId: await onAnyBroker(connection, (broker) => findGroupCoordinatorId(broker, groupId)),
        groupType: knownGroups().get(key)?.groupType ?? null,
      };
      const read = await readOnCoordinator(connection, groupId, known);
      if ('moved' in read) {
        knownGroups().delete(key);
        continue;
      }
      if ('group' in read)
        remember(key, { coordinatorId: known.coordinatorId, groupType: read.group.groupProtocol === 'consumer' ? 'consumer' : null });
      return read;
    }
    return { unclear: true } as const;
  });
  if ('unclear' in outcome) return null;
  if ('absent' in outcome) return { asOf: Date.now(), groups: [], shareGroups: [], streamsGroups: [], endOffsets: new Map(), errors: [] };
  const groups = [outcome.group];
  const { metadata } = await getClusterSnapshot(clusterId, { maxAgeMs: LAYOUT_MAX_AGE_MS, logDirsMaxAgeMs: Infinity });
  let endOffsets = await readEndOffsets(clusterId, groupPartitionKeys(groups), metadata);
  // A leader that moved since the layout was read: once more on a layout as young as the pages' (not younger: an
  // offline partition would otherwise make every read of the group read the whole cluster's layout again).
  if ([...endOffsets.values()].some((o) => o.error)) {
    const recent = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
    if (recent.metadata !== metadata) endOffsets = await readEndOffsets(clusterId, groupPartitionKeys(groups), recent.metadata);
  }
  const errors = [...endOffsets.values()].some((o) => o.error) ? ['some end offsets could not be read'] : [];
  return { asOf: Date.now(), groups, shareGroups: [], streamsGroups: [], endOffsets, errors };
}

const groupReads = freshCache(
  'consumer-group',
  (_key, group: { clusterId: string; groupId: string } | undefined) => readGroup(group!.clusterId, group!.groupId),
  { maxKeys: MAX_KNOWN_GROUPS },
);

/**
 * The group as its page shows it, shared by every viewer: read again (single-flight) when older than `maxAgeMs` (2 s by
 * default), so that Kafka's load follows the groups viewed and not the number of viewers.
 */
export function getGroupRead(clusterId: string, groupId: string, { maxAgeMs = VIEW_MAX_AGE_MS } = {}) {
  return groupReads(knownKey(clusterId, groupId), maxAgeMs, { options: { clusterId, groupId } });
}
