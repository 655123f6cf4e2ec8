import 'server-only';
import { ApiError } from '@/lib/errors';
import type { MessagesQuery } from '@/lib/schemas/messages';
import type { Principal } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';
import { eventStream, type EventSink } from '@/server/http/event-stream';
import { logInternalError } from '@/server/http/log';
import { withKafka } from '@/server/kafka/clients';
import type { KafkaConnection } from '@/server/kafka/connection';
import { cursorsOf, prepareRead, topicHooks, type PreparedRead } from '@/server/messages/browse-messages';
import type { LaneStart } from '@/server/messages/lane';
import { toMessage } from '@/server/messages/message-view';
import { readRecords, type ReadOutcome, type StoppedBy } from '@/server/messages/read-records';
import { acquireStreamSlot } from '@/server/messages/stream-slots';

/**
 * What one partition may send per Fetch in a scan: small enough that the answers a scan holds at once (one per
 * leader, shared by its partitions until each has taken its part) stay a few MB, large enough to take little time
 * per record (a ~50-record batch of 1 KB values a round per partition).
 */
export const STREAM_PARTITION_MAX_BYTES = 256 * 1024;
/** A live tail asks the leaders again this often once it has caught up. */
const TAIL_POLL_MS = 1_000;
const KEEP_ALIVE_MS = 15_000;
/** An end position not known yet: the first fetch answer tells it. */
const UNKNOWN_END = 2n ** 62n;

const ENDED: Record<StoppedBy, string> = {
  limit: 'Stopped at the limit of matches.',
  bytes: 'Stopped at the size limit.',
  end: 'Reached the end of every partition.',
  records: 'Stopped at the scan budget of records examined: continue from the cursor to scan further.',
  time: 'Stopped at the time budget: continue from the cursor to scan further.',
  cancelled: 'Cancelled.',
};

const positionsOf = (positions: Map<number, bigint>) => Object.fromEntries([...positions].map(([p, o]) => [String(p), o.toString()]));

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export type StreamBudget = { records: number; deadline: number };

/**
 * The read a stream runs: a scan reads once from the start positions; a live tail reads forward from them (from the
 * current end by default), then asks again every second for what arrived, until the budget or the client ends it.
 */
export async function runStream(
  connection: KafkaConnection,
  prepared: PreparedRead,
  budget: StreamBudget,
  sink: EventSink,
  signal: AbortSignal,
) {
  const { query } = prepared;
  const live = query.live === 'true';
  let lanes: LaneStart[] = prepared.lanes;
  let direction = prepared.direction;
  if (live && direction === 'backward') {
    direction = 'forward'; // a tail of "newest" starts at the end
    lanes = lanes.map((l) => ({ ...l, start: l.end }));
  }
  const started = { ...prepared, direction, lanes };
  let scanned = 0;
  let matched = 0;
  let outcome: ReadOutcome | null = null;
  let lastBeat = Date.now();
  const errors = new Map<number, string>(prepared.errors.map((e) => [e.partition, e.message]));
  for (;;) {
    outcome = await readRecords(
      connection,
      {
        ...prepared.plan,
        lowWater: live ? 0 : 64,
        partitionMaxBytes: STREAM_PARTITION_MAX_BYTES,
        direction,
        lanes,
        limit: Number.MAX_SAFE_INTEGER,
        maxOutputBytes: Number.POSITIVE_INFINITY,
        maxScanned: budget.records - scanned,
        deadline: budget.deadline,
        signal,
      },
      {
        ...topicHooks(connection, prepared.topic),
        onMatch: (match) => sink.send('message', toMessage(match, query.isolation)),
        onProgress: (p) =>
          void sink.send('progress', { scanned: scanned + p.scanned, matched: matched + p.matched, positions: positionsOf(p.positions) }),
      },
    );
    scanned += outcome.scanned;
    matched += outcome.matched;
    for (const [partition, message] of outcome.errors) errors.set(partition, message);
    if (!live || outcome.stoppedBy !== 'end' || sink.closed) break;
    await sink.send('progress', { scanned, matched, positions: positionsOf(outcome.resume) });
    lanes = lanes
      .filter((l) => !outcome!.errors.has(l.partition))
      .map((l) => ({
        ...l,
        start: outcome!.resume.get(l.partition)!,
        logStart: outcome!.logStarts.get(l.partition) ?? l.logStart,
        end: UNKNOWN_END,
      }));
    if (lanes.length === 0) break;
    await sleep(Math.min(TAIL_POLL_MS, Math.max(0, budget.deadline - Date.now())), signal);
    if (Date.now() - lastBeat > KEEP_ALIVE_MS) {
      sink.keepAlive();
      lastBeat = Date.now();
    }
  }
  const stoppedBy: StoppedBy = signal.aborted ? 'cancelled' : outcome.stoppedBy;
  const { next } = cursorsOf(started, { resume: outcome.resume, logStarts: outcome.logStarts });
  const message =
    live && stoppedBy === 'time' ? 'The live tail reached its time budget: it goes on from the cursor when resumed.' : ENDED[stoppedBy];
  await sink.send('end', {
    stoppedBy,
    scanned,
    matched,
    next,
    message,
    errors: [...errors].map(([partition, text]) => ({ partition, message: text })),
  });
}

/**
 * `GET …/messages` with `Accept: text/event-stream`: a scan (with a filter, over many records) or a live tail,
 * streamed as `start`, `message`, `progress` and `end` events (or one `error`). Outside the route deadline, within
 * the stream budget; at most so many streams per user and per console (429 beyond).
 */
export async function streamMessages(
  clusterId: string,
  topic: string,
  query: MessagesQuery,
  principal: Principal,
  requestSignal: AbortSignal,
): Promise<Response> {
  const settings = getConfig().messages;
  const release = acquireStreamSlot(`${principal.kind}:${principal.name}`, {
    perUser: settings.streamsPerUser,
    perConsole: settings.streamsPerConsole,
  });
  try {
    const prepared = await withKafka(clusterId, (connection) => prepareRead(connection, topic, query, principal), { channel: 'records' });
    const seconds = Math.min(query.maxSeconds ?? settings.streamMaxSeconds, settings.streamMaxSeconds);
    const budget: StreamBudget = {
      records: Math.min(query.maxRecords ?? settings.streamMaxRecords, settings.streamMaxRecords),
      deadline: Date.now() + seconds * 1000,
    };
    return eventStream(
      requestSignal,
      async (sink, signal) => {
        await sink.send('start', {
          order: prepared.direction === 'forward' || query.live === 'true' ? 'asc' : 'desc',
          partitions: prepared.lanes.map((l) => l.partition),
          budget: { records: budget.records, seconds },
          notices: prepared.notices,
          errors: prepared.errors,
        });
        try {
          await withKafka(clusterId, (connection) => runStream(connection, prepared, budget, sink, signal), {
            channel: 'records',
            deadlineMs: seconds * 1000 + 15_000,
          });
        } catch (error) {
          const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL', 'Internal error');
          if (apiError.code === 'INTERNAL') logInternalError(`messages stream ${clusterId}/${topic}`, error);
          await sink.send('error', apiError.toJSON());
        }
      },
      release,
    );
  } catch (error) {
    release();
    throw error;
  }
}
