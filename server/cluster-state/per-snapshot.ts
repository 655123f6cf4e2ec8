import type { ClusterSnapshot } from '@/server/cluster-state/snapshot';

/**
 * `compute` memoized per snapshot: a snapshot never changes once read, so what is derived from it (summaries,
 * counts, the health list) is computed once however many views ask within its 2 s life. Keyed by the snapshot
 * object in a WeakMap: the values go when the snapshot does.
 */
export function perSnapshot<T>(compute: (snapshot: ClusterSnapshot) => T): (snapshot: ClusterSnapshot) => T {
  const cache = new WeakMap<ClusterSnapshot, T>();
  return (snapshot) => {
    if (cache.has(snapshot)) return cache.get(snapshot) as T;
    const value = compute(snapshot);
    cache.set(snapshot, value);
    return value;
  };
}
