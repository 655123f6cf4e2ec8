import 'server-only';
import { lastListView, type SharedSnapshot } from '@/server/cluster-state/list-views';
import { getClusterSnapshot, SNAPSHOT_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { processState } from '@/server/process-state';

/** A list requested within this long is kept warm; after that the reader rests until the next request. */
export const WARM_FOR_MS = 60_000;
/**
 * A snapshot is read again once this old, so that the read (0.1 s at 1,000 topics, 0.4–1 s at 10,000, after the
 * groups snapshot's 0.15–0.25 s in the same round) ends before the pages' limit and no request has to start one.
 */
export const REFRESH_AT_MS = SNAPSHOT_MAX_AGE_MS - 2_000;
const TICK_MS = 250;
/** After a failed read the cluster's lists are left to the pages' own reads this long (they answer its error). */
const PAUSE_AFTER_FAILURE_MS = 5_000;

type Keeper = {
  clusters: string[];
  /** Bumped at each start and stop: a loop of an earlier start ends instead of running beside the new one. */
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  pausedUntil: Map<string, number>;
};
// Process-wide: started once from instrumentation.ts, whatever the number of module instances.
const keeper = processState<Keeper>('listsKeptWarm', () => ({ clusters: [], generation: 0, pausedUntil: new Map() }));

const wanted = (clusterId: string, snapshot: SharedSnapshot, now: number) =>
  now - (lastListView(clusterId, snapshot) ?? -Infinity) < WARM_FOR_MS;

/** One round: each cluster's snapshots that lists read recently, read again if older than REFRESH_AT_MS. */
async function round() {
  for (const clusterId of keeper.clusters) {
    const now = Date.now();
    if ((keeper.pausedUntil.get(clusterId) ?? 0) > now) continue;
    try {
      // The groups snapshot reads its layout from the cluster snapshot (younger than SNAPSHOT_MAX_AGE_MS) first.
      if (wanted(clusterId, 'groups', now)) await getGroupsSnapshot(clusterId, { maxAgeMs: REFRESH_AT_MS });
      // With the sizes the pages show: they take log dirs no older than the snapshot's own limit.
      if (wanted(clusterId, 'cluster', now)) await getClusterSnapshot(clusterId, { maxAgeMs: REFRESH_AT_MS });
    } catch {
      // The requests that follow read (and answer the error) themselves; the reader tries again later.
      keeper.pausedUntil.set(clusterId, Date.now() + PAUSE_AFTER_FAILURE_MS);
    }
  }
}

function schedule(generation: number) {
  keeper.timer = setTimeout(() => void loop(generation), TICK_MS);
  keeper.timer.unref?.();
}

async function loop(generation: number) {
  await round();
  if (generation === keeper.generation) schedule(generation);
}

/**
 * The background reader of the lists' shared snapshots: for these clusters (all configured ones, in the console's
 * server), while a list is requested, its snapshots are read before they reach the pages' maximum age (reads are
 * single-flight with the pages' and the sampler's, so a sampling pass counts). Kafka's load then follows the lists
 * being viewed, not the number of viewers. An empty list stops it.
 */
export function keepListsWarm(clusterIds: readonly string[]) {
  const running = keeper.clusters.length > 0;
  keeper.clusters = [...clusterIds];
  if (running === clusterIds.length > 0) return;
  keeper.generation += 1;
  clearTimeout(keeper.timer);
  keeper.pausedUntil.clear();
  if (clusterIds.length > 0) schedule(keeper.generation);
}
