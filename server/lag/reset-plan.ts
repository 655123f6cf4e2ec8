import 'server-only';
import { ApiError } from '@/lib/errors';
import type { OffsetResetInput, OffsetResetRow, TopicPartitionRef } from '@/lib/schemas/offset-reset';
import { partitionKey, splitPartitionKey } from '@/server/kafka/partition-key';

// kafka-consumer-groups --reset-offsets (ConsumerGroupCommand.prepareOffsetsToReset, Kafka 3.9 / 4.x) as pure
// functions: which partitions a scope names, and each partition's new offset. Offsets are exact int64 decimal strings.

/** Committed offsets by partitionKey; null = the group has no valid offset there (Kafka answered -1). */
export type CommittedOffsets = ReadonlyMap<string, string | null>;

export type ScopeContext = {
  /** The group's committed offsets (OffsetFetch, every partition). */
  committed: CommittedOffsets;
  /** `copy`: the source group's committed offsets. */
  sourceCommitted?: CommittedOffsets;
  /** Every partition of every existing topic (Metadata). */
  topicPartitions: ReadonlyMap<string, readonly number[]>;
};

export type Planned<T> = { value: T; warnings: string[] };

const byTopicPartition = (a: TopicPartitionRef, b: TopicPartitionRef) =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
const label = ({ topic, partition }: TopicPartitionRef) => `${topic}-${partition}`;

function invalid(field: string, messages: string[]): never {
  throw new ApiError('VALIDATION', messages.join('; '), { fieldErrors: { [field]: messages } });
}

/**
 * The partitions to reset, sorted by (topic, partition). `topics` = every partition of each (--topic t), `partitions`
 * = those (--topic t:0,1), both = their union; an unknown topic or partition is refused, as the CLI does. Neither =
 * --all-topics: every partition the group has committed offsets for; for `copy`, every partition the source group
 * has. `copy` with a scope keeps only the partitions the source group committed (the others are left as they are).
 * Committed partitions of topics that no longer exist are skipped with a warning (the CLI would stop on them).
 */
export function partitionsToReset(input: OffsetResetInput, context: ScopeContext): Planned<TopicPartitionRef[]> {
  const warnings: string[] = [];
  const wanted = new Map<string, TopicPartitionRef>();
  const add = (ref: TopicPartitionRef) => wanted.set(partitionKey(ref.topic, ref.partition), ref);
  const scoped = (input.topics?.length ?? 0) > 0 || (input.partitions?.length ?? 0) > 0;
  if (scoped) {
    const unknownTopics = (input.topics ?? []).filter((t) => !context.topicPartitions.has(t));
    if (unknownTopics.length > 0)
      invalid(
        'topics',
        unknownTopics.map((t) => `Topic "${t}" does not exist`),
      );
    const unknownPartitions = (input.partitions ?? []).filter((p) => !context.topicPartitions.get(p.topic)?.includes(p.partition));
    if (unknownPartitions.length > 0)
      invalid(
        'partitions',
        unknownPartitions.map((p) => `Partition ${label(p)} does not exist`),
      );
    for (const topic of input.topics ?? []) for (const partition of context.topicPartitions.get(topic) ?? []) add({ topic, partition });
    for (const p of input.partitions ?? []) add({ topic: p.topic, partition: p.partition });
  } else {
    const all = input.strategy === 'copy' ? context.sourceCommitted : context.committed;
    for (const key of all?.keys() ?? []) {
      const ref = splitPartitionKey(key);
      if (context.topicPartitions.get(ref.topic)?.includes(ref.partition)) add(ref);
      else warnings.push(`${label(ref)}: the partition no longer exists; left unchanged`);
    }
  }
  let partitions = [...wanted.values()];
  if (input.strategy === 'copy') {
    const source = context.sourceCommitted ?? new Map<string, string | null>();
    const lacking = partitions.filter((p) => (source.get(partitionKey(p.topic, p.partition)) ?? null) === null);
    for (const p of lacking) warnings.push(`${label(p)}: group "${input.fromGroupId}" has no committed offset there; left unchanged`);
    partitions = partitions.filter((p) => !lacking.includes(p));
  }
  return { value: partitions.sort(byTopicPartition), warnings };
}

export type PartitionBounds = { logStartOffset: string; highWatermark: string };

export type PlanContext = {
  committed: CommittedOffsets;
  sourceCommitted?: CommittedOffsets;
  /** Log start offset and high watermark of every partition to reset, by partitionKey. */
  bounds: ReadonlyMap<string, PartitionBounds>;
  /** `timestamp`: ListOffsets' answer per partition; null = no record at or after the time. */
  timestampOffsets?: ReadonlyMap<string, string | null>;
};

/** checkOffsetsRange: above the high watermark → the high watermark, else below the log start → the log start. */
function clamp(ref: TopicPartitionRef, offset: bigint, bounds: PartitionBounds, warnings: string[]): bigint {
  const end = BigInt(bounds.highWatermark);
  const start = BigInt(bounds.logStartOffset);
  if (offset > end) {
    warnings.push(`New offset (${offset}) is higher than latest offset for topic partition ${label(ref)}. Value will be set to ${end}`);
    return end;
  }
  if (offset < start) {
    warnings.push(`New offset (${offset}) is lower than earliest offset for topic partition ${label(ref)}. Value will be set to ${start}`);
    return start;
  }
  return offset;
}

/**
 * Each partition's new offset, as the CLI computes it: earliest = log start; latest = high watermark; timestamp =
 * the first offset at or after it, or the high watermark when there is none ("Falling back to latest known
 * offset"), unclamped; offset, shift (committed + n; refused without a commit) and copy (the source group's commit,
 * as --from-file) are clamped to [log start, high watermark]. lagAfter = high watermark − new offset.
 */
export function planReset(
  input: OffsetResetInput,
  partitions: readonly TopicPartitionRef[],
  context: PlanContext,
): Planned<OffsetResetRow[]> {
  const warnings: string[] = [];
  const rows = partitions.map((ref): OffsetResetRow => {
    const key = partitionKey(ref.topic, ref.partition);
    const bounds = context.bounds.get(key);
    if (!bounds) throw new Error(`no offsets read for ${label(ref)}`);
    const current = context.committed.get(key) ?? null;
    let next: bigint;
    switch (input.strategy) {
      case 'earliest':
        next = BigInt(bounds.logStartOffset);
        break;
      case 'latest':
        next = BigInt(bounds.highWatermark);
        break;
      case 'timestamp': {
        const found = context.timestampOffsets?.get(key) ?? null;
        if (found === null)
          warnings.push(`Partition ${ref.partition} from topic ${ref.topic} is empty. Falling back to latest known offset.`);
        next = BigInt(found ?? bounds.highWatermark);
        break;
      }
      case 'offset':
        next = clamp(ref, BigInt(input.offset ?? '0'), bounds, warnings);
        break;
      case 'shift':
        if (current === null)
          invalid('shiftBy', [`Cannot shift offset for partition ${label(ref)} since there is no current committed offset`]);
        next = clamp(ref, BigInt(current) + BigInt(input.shiftBy ?? 0), bounds, warnings);
        break;
      case 'copy': {
        const source = context.sourceCommitted?.get(key) ?? null;
        if (source === null) throw new Error(`no committed offset of the source group for ${label(ref)}`);
        next = clamp(ref, BigInt(source), bounds, warnings);
        break;
      }
    }
    return { ...ref, currentOffset: current, newOffset: next.toString(), lagAfter: (BigInt(bounds.highWatermark) - next).toString() };
  });
  return { value: rows, warnings };
}
