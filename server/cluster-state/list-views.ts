import 'server-only';
import { processState } from '@/server/process-state';

/** The shared whole-cluster snapshots a list reads: the cluster snapshot, and the groups snapshot read on it. */
export type SharedSnapshot = 'cluster' | 'groups';

// When each cluster's lists were last read by a page or an API client, per snapshot. Process-wide: the route
// handlers note it, the background reader started from instrumentation.ts reads it.
const viewed = processState('listViews', () => new Map<string, number>());
const key = (clusterId: string, snapshot: SharedSnapshot) => `${clusterId}\u0000${snapshot}`;

/**
 * A list was requested now, by its API (server/http/route.ts) or by the server render of its page: the snapshots
 * its endpoint `keepsWarm` (none for other endpoints) are kept warm by the background reader.
 */
export function noteListView(clusterId: string, { keepsWarm = [] }: { keepsWarm?: readonly SharedSnapshot[] }, now = Date.now()) {
  for (const snapshot of keepsWarm) viewed.set(key(clusterId, snapshot), now);
}

/** When a list last read the snapshot; undefined if none has since the process started. */
export function lastListView(clusterId: string, snapshot: SharedSnapshot): number | undefined {
  return viewed.get(key(clusterId, snapshot));
}
