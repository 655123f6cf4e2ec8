import type { ClusterSnapshot } from '@/server/cluster-state/snapshot';

/**
 * `compute` memoized per snapshot: a snapshot never changes once read, so what is derived from it (summaries,
 * counts, the health list) is computed once however many views ask within its 2 s life. Keyed by the snapshot
 * object in a WeakMap: the values go when the snapshot does. Extra arguments (the cluster id a computation reads more
 * of Kafka with) must be the same for every call with one snapshot.
 */
export function perSnapshot<T, A extends unknown[] = []>(
  compute: (snapshot: ClusterSnapshot, ...args: A) => T,
): (snapshot: ClusterSnapshot, ...args: A) => T {
  const cache = new WeakMap<ClusterSnapshot, T>();
  return (snapshot, ...args) => {
    if (cache.has(snapshot)) return cache.get(snapshot) as T;
    const value = compute(snapshot, ...args);
    cache.set(snapshot, value);
    return value;
  };
}
