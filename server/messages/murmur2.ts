// Kafka's default partitioner for keyed records (BuiltInPartitioner.partitionForKey): the positive part of the
// 32-bit murmur2 hash of the key's bytes (seed 0x9747b28c), modulo the partition count. librdkafka clients default to
// another partitioner (consistent_random, CRC32): a key lookup assumes Java's, as the README says.

const M = 0x5bd1e995;

export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = 0x9747b28c ^ length;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  switch (length & 3) {
    case 3:
      h ^= data[blocks + 2]! << 16;
    // falls through
    case 2:
      h ^= data[blocks + 1]! << 8;
    // falls through
    case 1:
      h ^= data[blocks]!;
      h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition of a keyed record under Kafka's default partitioner. */
export const partitionForKey = (key: Uint8Array, partitionCount: number) => (murmur2(key) & 0x7fffffff) % partitionCount;
