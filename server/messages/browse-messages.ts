import 'server-only';
import { ApiError } from '@/lib/errors';
import type { Role } from '@/lib/schemas/auth';
import { MESSAGES_MAX_BYTES, type MessagesQuery, type MessagesResponse } from '@/lib/schemas/messages';
import { authSecret } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';
import { withKafka } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { readOffsetsForTime } from '@/server/kafka/offsets-for-time';
import { partitionKey } from '@/server/kafka/partition-key';
import { decodeCursor, encodeCursor } from '@/server/messages/cursor';
import { compileFilter } from '@/server/messages/filter';
import { maskerFor } from '@/server/messages/masking';
import { toMessage } from '@/server/messages/message-view';
import { partitionForKey } from '@/server/messages/murmur2';
import { planRead, type ReadStart, type StartSpec } from '@/server/messages/plan-read';
import { readRecords, type ReadHooks, type ReadOutcome, type ReadPlan } from '@/server/messages/read-records';
import { readTopicBounds, readTopicLeaders } from '@/server/messages/topic-bounds';

/** A JSON page answers within the route deadline (10 s) with what it read by then. */
const PAGE_DEADLINE_MS = 8_000;

/** Who reads: masking rules name roles. */
export type Reader = { role: Role };

/** What a read (a page, a scan or a tail) starts from: the request resolved against the topic. */
export type PreparedRead = ReadStart & {
  topic: string;
  query: MessagesQuery;
  plan: Omit<ReadPlan, 'lanes' | 'direction' | 'limit' | 'maxOutputBytes' | 'maxScanned' | 'deadline' | 'signal'>;
};

/** How a read finds the topic again when a leader moved or records were deleted under it. */
export function topicHooks(connection: KafkaConnection, topic: string): Pick<ReadHooks, 'refreshLeaders' | 'refreshLogStart'> {
  return {
    refreshLeaders: () => readTopicLeaders(connection, topic),
    refreshLogStart: async (partition) =>
      (await readTopicBounds(connection, topic, await readTopicLeaders(connection, topic), [partition]))[0]?.logStart ?? null,
  };
}

function fieldError(field: string, message: string) {
  return new ApiError('VALIDATION', message, { fieldErrors: { [field]: [message] } });
}

/** What the request asks for, before a time is turned into offsets. */
type RequestedStart = Exclude<StartSpec, { kind: 'timestamp' }> | { kind: 'timestamp'; timestamp: number };

function requestedStart(query: MessagesQuery): RequestedStart {
  if (query.cursor) return { kind: 'cursor', cursor: decodeCursor(query.cursor) };
  const [kind, arg = ''] = query.from.split(':');
  if (kind === 'offset') return { kind: 'offset', offset: BigInt(arg) };
  if (kind === 'timestamp') return { kind: 'timestamp', timestamp: Number(arg) };
  return { kind: kind === 'oldest' ? 'oldest' : 'newest' };
}

/** The partitions to read: the cursor's, the asked ones, or the key's; 422 on a partition the topic lacks. */
function choosePartitions(query: MessagesQuery, spec: RequestedStart, count: number, notices: string[]): number[] {
  const exists = (p: number) => p < count;
  if (spec.kind === 'cursor') {
    const partitions = [...spec.cursor.positions.keys()];
    if (!partitions.every(exists)) throw fieldError('cursor', 'The cursor names partitions this topic does not have');
    return partitions.sort((a, b) => a - b);
  }
  let partitions = query.partitions
    ? [...new Set(query.partitions.split(',').map(Number))].sort((a, b) => a - b)
    : Array.from({ length: count }, (_, i) => i);
  const missing = partitions.filter((p) => !exists(p));
  if (missing.length > 0)
    throw fieldError('partitions', `The topic has ${count} partition${count === 1 ? '' : 's'} (0-${count - 1}); no ${missing.join(', ')}`);
  if (query.key !== undefined) {
    const keyPartition = partitionForKey(Buffer.from(query.key, query.keyEncoding), count);
    notices.push(`The key is in partition ${keyPartition} (Kafka's default partitioner, ${count} partitions).`);
    partitions = partitions.includes(keyPartition) ? [keyPartition] : [];
  }
  if (spec.kind === 'offset' && partitions.length !== 1) throw fieldError('from', 'offset:N needs exactly one partition (partitions=P)');
  return partitions;
}

/** Resolves the request against the topic: leaders, bounds, start positions, masking and filter. */
export async function prepareRead(connection: KafkaConnection, topic: string, query: MessagesQuery, reader: Reader): Promise<PreparedRead> {
  const spec = requestedStart(query);
  const predicateFilter = query.filter ? compileFilter(query.filter) : null;
  const keyFilter = query.key === undefined ? null : Buffer.from(query.key, query.keyEncoding);
  const leaders = await readTopicLeaders(connection, topic);
  const notices: string[] = [];
  const partitions = choosePartitions(query, spec, leaders.size, notices);
  const bounds = await readTopicBounds(connection, topic, leaders, partitions);
  let resolved: StartSpec;
  if (spec.kind === 'timestamp') {
    const layout = [{ name: topic, partitions: partitions.map((partition) => ({ partition, leader: leaders.get(partition) ?? null })) }];
    const { offsets } = await readOffsetsForTime(connection, layout, spec.timestamp);
    resolved = { kind: 'timestamp', offsets: new Map(partitions.map((p) => [p, toBigInt(offsets.get(partitionKey(topic, p)))])) };
  } else {
    resolved = spec;
  }
  const start = planRead(bounds, resolved);
  const config = getConfig();
  const masker = maskerFor(config.masking, connection.clusterId, topic, reader.role, authSecret);
  const predicate =
    keyFilter === null && predicateFilter === null
      ? null
      : (record: Parameters<NonNullable<typeof predicateFilter>>[0]) =>
          (keyFilter === null || (record.key !== null && record.key.equals(keyFilter))) &&
          (predicateFilter === null || predicateFilter(record));
  const laneCount = Math.max(1, start.lanes.length);
  return {
    ...start,
    notices: [...notices, ...start.notices],
    topic,
    query,
    plan: {
      topic,
      isolation: query.isolation,
      showControl: query.control === 'true',
      partitionMaxBytes: Math.min(1024 * 1024, Math.max(64 * 1024, Math.floor((4 * 1024 * 1024) / laneCount))),
      span: BigInt(Math.ceil((query.limit * 1.5) / laneCount) + 1),
      lowWater: 0,
      predicate,
      masker,
    },
  };
}

const toBigInt = (value: string | null | undefined) => (value === null || value === undefined ? null : BigInt(value));

/** next / prev cursors from where the read started and where it stopped (see Cursor). */
export function cursorsOf(prepared: ReadStart, outcome: Pick<ReadOutcome, 'resume' | 'logStarts'>) {
  const starts = new Map(prepared.lanes.map((l) => [l.partition, l.start]));
  const forward = prepared.direction === 'forward';
  const newer = forward ? outcome.resume : starts;
  const older = forward ? starts : outcome.resume;
  const nothingOlder = [...older].every(([partition, position]) => position <= (outcome.logStarts.get(partition) ?? 0n));
  return {
    next: encodeCursor({ direction: 'forward', positions: newer }),
    prev: nothingOlder ? null : encodeCursor({ direction: 'backward', positions: older }),
    self: encodeCursor({ direction: prepared.direction, positions: starts }),
  };
}

/** `GET …/topics/{topic}/messages` as JSON: one bounded page. */
export async function browseMessages(clusterId: string, topic: string, query: MessagesQuery, reader: Reader): Promise<MessagesResponse> {
  return withKafka(
    clusterId,
    async (connection) => {
      const prepared = await prepareRead(connection, topic, query, reader);
      const messages: MessagesResponse['messages'] = [];
      const filtered = prepared.plan.predicate !== null;
      const outcome = await readRecords(
        connection,
        {
          ...prepared.plan,
          direction: prepared.direction,
          lanes: prepared.lanes,
          limit: query.limit,
          maxOutputBytes: MESSAGES_MAX_BYTES,
          maxScanned: filtered ? getConfig().messages.pageScanMaxRecords : Number.MAX_SAFE_INTEGER,
          deadline: Date.now() + PAGE_DEADLINE_MS,
        },
        { ...topicHooks(connection, topic), onMatch: (match) => void messages.push(toMessage(match, query.isolation)) },
      );
      const { next, prev, self } = cursorsOf(prepared, outcome);
      return {
        messages,
        order: prepared.direction === 'forward' ? 'asc' : 'desc',
        scanned: outcome.scanned,
        stoppedBy: outcome.stoppedBy,
        next,
        prev,
        self,
        partitions: prepared.lanes.map((l) => ({
          partition: l.partition,
          logStartOffset: (outcome.logStarts.get(l.partition) ?? l.logStart).toString(),
          endOffset: (outcome.ends.get(l.partition) ?? l.end).toString(),
          position: outcome.resume.get(l.partition)!.toString(),
        })),
        errors: [...prepared.errors, ...[...outcome.errors].map(([partition, message]) => ({ partition, message }))],
        notices: [...prepared.notices, ...outcome.notices],
      };
    },
    { channel: 'records' },
  );
}
