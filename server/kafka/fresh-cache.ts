import 'server-only';

/** `readAt`: when the read finished. */
type Entry<T> = { value?: T; readAt?: number; inFlight?: Promise<T> };

/**
 * Per-cluster values read from Kafka that pages share: a value read less than `maxAgeMs` ago is served as is (0:
 * never), an older one is read again, single-flight (concurrent callers share one read). The age counts from when the read
 * finished, not from the value's `asOf` (when its data was read): a read that takes longer than `maxAgeMs` (a
 * broker down costs its 5 s timeout) would otherwise be stale on arrival and every caller would wait for the next.
 * Kept on globalThis under `name` so dev hot reloads do not start a second set of reads.
 */
export function freshCache<T>(name: string, read: (clusterId: string) => Promise<T>) {
  const holder = globalThis as typeof globalThis & { __freshCaches?: Map<string, Map<string, Entry<T>>> };
  const caches = (holder.__freshCaches ??= new Map());
  let entries = caches.get(name);
  if (!entries) caches.set(name, (entries = new Map<string, Entry<T>>()));
  const perCluster = entries;
  return async function get(clusterId: string, maxAgeMs: number): Promise<T> {
    let entry = perCluster.get(clusterId);
    if (!entry) perCluster.set(clusterId, (entry = {}));
    if (entry.value !== undefined && entry.readAt !== undefined && Date.now() - entry.readAt < maxAgeMs) return entry.value;
    const current = entry;
    current.inFlight ??= read(clusterId)
      .then((value) => {
        current.value = value;
        current.readAt = Date.now();
        return value;
      })
      .finally(() => {
        current.inFlight = undefined;
      });
    return current.inFlight;
  };
}
