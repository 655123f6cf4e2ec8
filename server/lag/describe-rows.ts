import type { GroupMember, GroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { partitionKey, splitPartitionKey } from '@/server/kafka/partition-key';

export type TopicPartition = { topic: string; partition: number };

/** What the rows are built from, keyed by partitionKey; offsets are decimal strings, null where unknown. */
export type RowInputs = {
  members: GroupMember[];
  /** Every partition the group has a commit for (OffsetFetch with topics = null); null = no valid offset. */
  committed: ReadonlyMap<string, string | null>;
  /** High watermarks (ListOffsets latest, READ_UNCOMMITTED), or why unknown; a missing key is unknown. */
  endOffsets: ReadonlyMap<string, { highWatermark: string | null; error: string | null }>;
};

const byTopicPartition = (a: TopicPartition, b: TopicPartition) =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

/** LAG as kafka-consumer-groups computes it: end − committed, unclamped; null when either is unknown. */
export function lagOf(currentOffset: string | null, logEndOffset: string | null): string | null {
  if (currentOffset === null || logEndOffset === null) return null;
  return (BigInt(logEndOffset) - BigInt(currentOffset)).toString();
}

/**
 * The rows of `kafka-consumer-groups --describe --group G` (ConsumerGroupCommand): members with a non-empty
 * assignment, largest assignment first (ties by member id), each with its partitions by (topic, partition); then the
 * committed partitions no member owns, with null member columns. Members without partitions get no row.
 */
export function describeRows({ members, committed, endOffsets }: RowInputs): Omit<GroupOffsetRow, 'timeLagMs' | 'timeLagMethod'>[] {
  const row = (tp: TopicPartition, member: GroupMember | null) => {
    const key = partitionKey(tp.topic, tp.partition);
    const currentOffset = committed.get(key) ?? null;
    const end = endOffsets.get(key);
    const logEndOffset = end?.highWatermark ?? null;
    const error = end?.error;
    return {
      topic: tp.topic,
      partition: tp.partition,
      currentOffset,
      logEndOffset,
      lag: lagOf(currentOffset, logEndOffset),
      consumerId: member?.memberId ?? null,
      host: member?.host ?? null,
      clientId: member?.clientId ?? null,
      ...(error ? { error } : {}),
    };
  };
  const withPartitions = members
    .filter((m) => m.assignments.length > 0)
    .sort((a, b) => b.assignments.length - a.assignments.length || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  const assigned = new Set<string>();
  const rows = withPartitions.flatMap((member) =>
    [...member.assignments].sort(byTopicPartition).map((tp) => {
      assigned.add(partitionKey(tp.topic, tp.partition));
      return row(tp, member);
    }),
  );
  const unassigned: TopicPartition[] = [];
  for (const key of committed.keys()) if (!assigned.has(key)) unassigned.push(splitPartitionKey(key));
  return [...rows, ...unassigned.sort(byTopicPartition).map((tp) => row(tp, null))];
}
