import 'server-only';

type Entry<T> = { value?: T; inFlight?: Promise<T> };

/**
 * Per-cluster values read from Kafka that pages share: a value younger than `maxAgeMs` is served as is, an older
 * one is read again, single-flight (concurrent callers share one read). Kept on globalThis under `name` so dev
 * hot reloads do not start a second set of reads.
 */
export function freshCache<T extends { asOf: number }>(name: string, read: (clusterId: string) => Promise<T>) {
  const holder = globalThis as typeof globalThis & { __freshCaches?: Map<string, Map<string, Entry<T>>> };
  const caches = (holder.__freshCaches ??= new Map());
  let entries = caches.get(name);
  if (!entries) caches.set(name, (entries = new Map<string, Entry<T>>()));
  const perCluster = entries;
  return async function get(clusterId: string, maxAgeMs: number): Promise<T> {
    let entry = perCluster.get(clusterId);
    if (!entry) perCluster.set(clusterId, (entry = {}));
    if (entry.value && Date.now() - entry.value.asOf <= maxAgeMs) return entry.value;
    const current = entry;
    current.inFlight ??= read(clusterId)
      .then((value) => (current.value = value))
      .finally(() => {
        current.inFlight = undefined;
      });
    return current.inFlight;
  };
}
