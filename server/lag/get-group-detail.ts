import 'server-only';
import { isApiError } from '@/lib/errors';
import type { GroupDetailResponse, GroupType } from '@/lib/schemas/consumer-groups';
import { VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { freshCache } from '@/server/kafka/fresh-cache';
import { getConsumerGroup } from '@/server/lag/get-group';
import { readShareGroup } from '@/server/lag/share-groups';
import { readStreamsGroup } from '@/server/lag/streams-groups';
import { processState } from '@/server/process-state';

/** Bounded like the other per-group caches: a console that has shown many groups forgets the oldest. */
const MAX_GROUPS = 10_000;
const keyOf = (clusterId: string, groupId: string) => `${clusterId}\u0000${groupId}`;
type OwnApiType = 'share' | 'streams';
/**
 * Groups' types as their pages last read them: a share or streams group's page asks its own APIs first instead of
 * failing a consumer group read each poll, and a reset (opened from the page) skips asking every API in turn.
 */
const knownTypes = () => processState('knownGroupTypes', () => new Map<string, GroupType>());

/** The group's type as the console last read it; undefined when it has not (or the group was gone). */
export function knownGroupType(clusterId: string, groupId: string): GroupType | undefined {
  return knownTypes().get(keyOf(clusterId, groupId));
}

function remember(key: string, type: GroupType) {
  const known = knownTypes();
  known.delete(key);
  known.set(key, type);
  if (known.size > MAX_GROUPS) known.delete(known.keys().next().value!);
}

const isOwnApiType = (type: GroupType | undefined): type is OwnApiType => type === 'share' || type === 'streams';

type GroupRequest = { clusterId: string; groupId: string };
const reads = {
  share: freshCache(
    'share-group',
    async (_key, group: GroupRequest | undefined) => {
      const read = await readShareGroup(group!.clusterId, group!.groupId);
      if (!read) return null;
      const { errorCode: _errorCode, ...detail } = read;
      return { asOf: Date.now(), ...(detail.error ? { partial: true } : {}), ...detail } satisfies GroupDetailResponse;
    },
    { maxKeys: MAX_GROUPS },
  ),
  streams: freshCache(
    'streams-group',
    async (_key, group: GroupRequest | undefined) => {
      const read = await readStreamsGroup(group!.clusterId, group!.groupId);
      return read && ({ asOf: Date.now(), ...read } satisfies GroupDetailResponse);
    },
    { maxKeys: MAX_GROUPS },
  ),
};

async function ownApiDetail(type: OwnApiType, clusterId: string, groupId: string, maxAgeMs: number) {
  const key = keyOf(clusterId, groupId);
  const found = await reads[type](key, maxAgeMs, { options: { clusterId, groupId } });
  if (found) remember(key, type);
  else if (knownTypes().get(key) === type) knownTypes().delete(key);
  return found;
}

/** Reads a share or streams group again after a change to it (deleted: its page must not answer the old read). */
export async function refreshOwnApiGroup(clusterId: string, groupId: string) {
  const type = knownGroupType(clusterId, groupId);
  if (isOwnApiType(type)) await ownApiDetail(type, clusterId, groupId, 0).catch(() => {});
}

/**
 * `GET …/consumer-groups/{groupId}` for every group type: a consumer group (classic or KIP-848) with the CLI's rows,
 * a share group with kafka-share-groups' rows, or a streams group with kafka-streams-groups'. A group id names one
 * group of one type in Kafka: a type met before is asked first, then consumer groups, then share and streams.
 */
export async function getGroupDetail(
  clusterId: string,
  groupId: string,
  { maxAgeMs = VIEW_MAX_AGE_MS } = {},
): Promise<GroupDetailResponse> {
  const known = knownGroupType(clusterId, groupId);
  if (isOwnApiType(known)) {
    const detail = await ownApiDetail(known, clusterId, groupId, maxAgeMs);
    if (detail) return detail;
  }
  try {
    const detail = await getConsumerGroup(clusterId, groupId, { maxAgeMs });
    remember(keyOf(clusterId, groupId), detail.type);
    return detail;
  } catch (error) {
    if (!isApiError(error) || error.code !== 'NOT_FOUND') throw error;
    for (const type of ['share', 'streams'] as const) {
      const detail = type === known ? null : await ownApiDetail(type, clusterId, groupId, maxAgeMs);
      if (detail) return detail;
    }
    throw error;
  }
}
