import 'server-only';
import { processState } from '@/server/process-state';

/** The shared whole-cluster snapshots a list reads: the cluster snapshot, and the groups snapshot read on it. */
export type SharedSnapshot = 'cluster' | 'groups';

// When each cluster's lists were last read by a page or an API client, per snapshot. Process-wide: the route
// handlers note it, the background reader started from instrumentation.ts reads it.
const viewed = processState('listViews', () => new Map<string, number>());
const key = (clusterId: string, snapshot: SharedSnapshot) => `${clusterId}\u0000${snapshot}`;

/** A list that reads these snapshots was requested now (server/http/route.ts, by the endpoint's `keepsWarm`). */
export function noteListView(clusterId: string, snapshots: readonly SharedSnapshot[], now = Date.now()) {
  for (const snapshot of snapshots) viewed.set(key(clusterId, snapshot), now);
}

/** When a list last read the snapshot; undefined if none has since the process started. */
export function lastListView(clusterId: string, snapshot: SharedSnapshot): number | undefined {
  return viewed.get(key(clusterId, snapshot));
}
