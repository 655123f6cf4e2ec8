// The topic configs the create form offers by name, with Kafka's own types and bounds (TopicConfig / LogConfig), so
// a wrong value is refused in the form and on the server before Kafka is asked. Any other key goes to Kafka as is.

type Kind =
  | { type: 'long' | 'int'; min: bigint; unit?: 'ms' | 'bytes' }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'list'; options: readonly string[] };

export type TopicConfigSpec = { key: string; help: string } & Kind;

const INT_MAX = 2n ** 31n - 1n;
const LONG_MAX = 2n ** 63n - 1n;

export const TOPIC_CONFIG_CATALOG: readonly TopicConfigSpec[] = [
  {
    key: 'cleanup.policy',
    type: 'list',
    options: ['delete', 'compact'],
    help: 'delete: drop old segments by time or size; compact: keep the latest record per key; both: compact, then delete',
  },
  {
    key: 'retention.ms',
    type: 'long',
    min: -1n,
    unit: 'ms',
    help: 'How long records are kept before deletion (cleanup.policy delete); -1 keeps them forever',
  },
  {
    key: 'retention.bytes',
    type: 'long',
    min: -1n,
    unit: 'bytes',
    help: 'Largest size of each partition before old segments are deleted; -1 means no size limit',
  },
  {
    key: 'min.insync.replicas',
    type: 'int',
    min: 1n,
    help: 'Replicas that must acknowledge a write with acks=all; at most the replication factor, or every such write fails',
  },
  { key: 'max.message.bytes', type: 'int', min: 0n, unit: 'bytes', help: 'Largest record batch the topic accepts (after compression)' },
  {
    key: 'compression.type',
    type: 'enum',
    options: ['producer', 'uncompressed', 'zstd', 'lz4', 'snappy', 'gzip'],
    help: 'producer keeps the codec the producer used; any other value recompresses on the broker',
  },
  {
    key: 'segment.bytes',
    type: 'int',
    min: 14n,
    unit: 'bytes',
    help: 'Size of one log segment file; retention and compaction work on whole segments',
  },
  {
    key: 'segment.ms',
    type: 'long',
    min: 1n,
    unit: 'ms',
    help: 'Time after which a segment is rolled even if not full, so retention can delete it',
  },
];

const byKey = new Map(TOPIC_CONFIG_CATALOG.map((spec) => [spec.key, spec]));
export const topicConfigSpec = (key: string) => byKey.get(key);

/** Config keys as Kafka spells them (lowercase words and dots); anything else cannot be a config. */
export const CONFIG_KEY = /^[a-zA-Z0-9._-]{1,255}$/;

function integerError(value: string, min: bigint, max: bigint): string | null {
  if (!/^-?\d+$/.test(value.trim())) return 'A whole number';
  const n = BigInt(value.trim());
  if (n < min) return `At least ${min}`;
  if (n > max) return `At most ${max}`;
  return null;
}

/**
 * Why Kafka would refuse `value` for `key`, for the keys of the catalog (null for others: Kafka decides). With the
 * replication factor known, min.insync.replicas above it is refused too (Kafka accepts it; writes then fail).
 */
export function topicConfigValueError(
  key: string,
  value: string,
  { replicationFactor }: { replicationFactor?: number } = {},
): string | null {
  const spec = byKey.get(key);
  if (!spec) return null;
  switch (spec.type) {
    case 'int':
    case 'long': {
      const error = integerError(value, spec.min, spec.type === 'int' ? INT_MAX : LONG_MAX);
      if (error) return error;
      if (key === 'min.insync.replicas' && replicationFactor !== undefined && BigInt(value.trim()) > BigInt(replicationFactor)) {
        return `At most the replication factor (${replicationFactor}): with more, every acks=all write fails`;
      }
      return null;
    }
    case 'enum':
      return spec.options.includes(value) ? null : `One of ${spec.options.join(', ')}`;
    case 'list': {
      const items = value.split(',').map((item) => item.trim());
      if (items.some((item) => !spec.options.includes(item))) return `A comma-separated list of ${spec.options.join(', ')}`;
      return new Set(items).size === items.length ? null : 'Each value once';
    }
  }
}
