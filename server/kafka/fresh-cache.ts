import 'server-only';
import { processState } from '@/server/process-state';

/** `readAt`: when the read finished. */
type Entry<T> = { value?: T; readAt?: number; inFlight?: Promise<T> };

/** What a caller asks of the value beyond its age, and the options a read it starts is made with. */
export type FreshWant<T, O> = {
  /** A young value is served only if it passes; a shared read's value that fails it is read again. */
  accept?: (value: T) => boolean;
  options?: O;
};

/**
 * Values read from Kafka that pages share, per key (a cluster, or one topic or group of a cluster): a value read less than `maxAgeMs` ago is served as is (0:
 * never), an older one is read again, single-flight (concurrent callers share one read). The age counts from when the read
 * finished, not from the value's `asOf` (when its data was read): a read that takes longer than `maxAgeMs` (a
 * broker down costs its 5 s timeout) would otherwise be stale on arrival and every caller would wait for the next.
 * A read takes the options of the caller that started it; a caller that joins it and cannot `accept` its value
 * (it asked for more) starts its own read after it. Kept in process-wide state under `name` so dev hot reloads do not
 * start a second set of reads. With `maxKeys`, the keys read least recently are forgotten beyond that many.
 */
export function freshCache<T, O = undefined>(
  name: string,
  read: (key: string, options: O | undefined) => Promise<T>,
  { maxKeys = Number.POSITIVE_INFINITY }: { maxKeys?: number } = {},
) {
  const holder = processState<{ freshCaches?: Map<string, Map<string, Entry<T>>> }>('freshCaches', () => ({}));
  const caches = (holder.freshCaches ??= new Map());
  let entries = caches.get(name);
  if (!entries) caches.set(name, (entries = new Map<string, Entry<T>>()));
  const perKey = entries;
  return async function get(key: string, maxAgeMs: number, { accept = () => true, options }: FreshWant<T, O> = {}): Promise<T> {
    let entry = perKey.get(key);
    // Read again, the key moves to the end of the Map's order: the first keys are the least recently read.
    if (entry) perKey.delete(key);
    perKey.set(key, (entry ??= {}));
    if (perKey.size > maxKeys) {
      const oldest = perKey.keys().next().value!;
      if (!perKey.get(oldest)?.inFlight) perKey.delete(oldest);
    }
    const current = entry;
    if (current.value !== undefined && current.readAt !== undefined && Date.now() - current.readAt < maxAgeMs && accept(current.value))
      return current.value;
    for (;;) {
      const mine = current.inFlight === undefined;
      current.inFlight ??= read(key, options)
        .then((value) => {
          current.value = value;
          current.readAt = Date.now();
          return value;
        })
        .finally(() => {
          current.inFlight = undefined;
        });
      const value = await current.inFlight;
      if (mine || accept(value)) return value;
    }
  };
}
