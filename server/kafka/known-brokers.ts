import 'server-only';

// Broker ids seen per cluster since this process started: a broker seen before and now missing means the
// cluster is degraded. (Persisting them across restarts belongs to the console database.)
const holder = globalThis as typeof globalThis & { __knownBrokers?: Map<string, Set<number>> };
const known = (holder.__knownBrokers ??= new Map<string, Set<number>>());

/** Records the live broker ids and returns the known ones that are missing. */
export function observeBrokers(clusterId: string, liveIds: number[]): number[] {
  const seen = known.get(clusterId) ?? new Set<number>();
  known.set(clusterId, seen);
  const missing = [...seen].filter((id) => !liveIds.includes(id)).sort((a, b) => a - b);
  for (const id of liveIds) seen.add(id);
  return missing;
}
