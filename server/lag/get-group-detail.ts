import 'server-only';
import { isApiError } from '@/lib/errors';
import type { GroupDetailResponse } from '@/lib/schemas/consumer-groups';
import { VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { freshCache } from '@/server/kafka/fresh-cache';
import { getConsumerGroup } from '@/server/lag/get-group';
import { readShareGroup } from '@/server/lag/share-groups';
import { processState } from '@/server/process-state';

/** Bounded like the other per-group caches: a console that has shown many groups forgets the oldest. */
const MAX_GROUPS = 10_000;
const keyOf = (clusterId: string, groupId: string) => `${clusterId}\u0000${groupId}`;
/** Share groups met before: their page asks the share APIs first instead of failing a consumer read each poll. */
const knownShares = () => processState('knownShareGroups', () => new Set<string>());

const shareReads = freshCache(
  'share-group',
  async (_key, group: { clusterId: string; groupId: string } | undefined) => {
    const read = await readShareGroup(group!.clusterId, group!.groupId);
    return read && { asOf: Date.now(), read };
  },
  { maxKeys: MAX_GROUPS },
);

async function shareGroupDetail(clusterId: string, groupId: string, maxAgeMs: number): Promise<GroupDetailResponse | null> {
  const key = keyOf(clusterId, groupId);
  const found = await shareReads(key, maxAgeMs, { options: { clusterId, groupId } });
  const known = knownShares();
  if (!found) {
    known.delete(key);
    return null;
  }
  known.add(key);
  if (known.size > MAX_GROUPS) known.delete(known.values().next().value!);
  const { errorCode: _errorCode, ...group } = found.read;
  return { asOf: found.asOf, ...(group.error ? { partial: true } : {}), ...group };
}

/** Reads the share group again after a change to it (deleted: its page must not answer the old read for 2 s). */
export async function refreshShareGroup(clusterId: string, groupId: string) {
  if (knownShares().has(keyOf(clusterId, groupId))) await shareGroupDetail(clusterId, groupId, 0).catch(() => {});
}

/**
 * `GET …/consumer-groups/{groupId}` for every group type: a consumer group (classic or KIP-848) with the CLI's rows,
 * or a share group with kafka-share-groups' rows. A group id names one group of one type in Kafka.
 */
export async function getGroupDetail(
  clusterId: string,
  groupId: string,
  { maxAgeMs = VIEW_MAX_AGE_MS } = {},
): Promise<GroupDetailResponse> {
  if (knownShares().has(keyOf(clusterId, groupId))) {
    const share = await shareGroupDetail(clusterId, groupId, maxAgeMs);
    if (share) return share;
  }
  try {
    return await getConsumerGroup(clusterId, groupId, { maxAgeMs });
  } catch (error) {
    if (!isApiError(error) || error.code !== 'NOT_FOUND') throw error;
    const share = await shareGroupDetail(clusterId, groupId, maxAgeMs);
    if (share) return share;
    throw error;
  }
}
