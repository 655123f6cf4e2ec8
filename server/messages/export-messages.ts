import 'server-only';
import type { Message, MessagesExportQuery } from '@/lib/schemas/messages';
import type { Principal } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';
import { csvRow } from '@/server/http/csv';
import { streamingResponse } from '@/server/http/event-stream';
import { logInternalError } from '@/server/http/log';
import { withKafka } from '@/server/kafka/clients';
import { prepareRead, topicHooks } from '@/server/messages/browse-messages';
import { toMessage } from '@/server/messages/message-view';
import { readRecords } from '@/server/messages/read-records';
import { acquireStreamSlot } from '@/server/messages/stream-slots';
import { STREAM_PARTITION_MAX_BYTES } from '@/server/messages/stream-messages';

const CSV_COLUMNS = [
  'partition',
  'offset',
  'timestamp',
  'time',
  'timestampType',
  'key',
  'keyEncoding',
  'value',
  'valueEncoding',
  'headers',
  'keySize',
  'valueSize',
  'compression',
  'producerId',
  'transactional',
  'aborted',
  'control',
  'masked',
] as const;

function csvLine(m: Message): string {
  return csvRow([
    m.partition,
    m.offset,
    m.timestamp,
    m.timestamp === null ? null : new Date(m.timestamp).toISOString(),
    m.timestampType,
    m.key,
    m.keyEncoding,
    m.value,
    m.valueEncoding,
    JSON.stringify(m.headers),
    m.keySize,
    m.valueSize,
    m.compression,
    m.producerId ?? null,
    String(m.transactional),
    m.aborted === undefined ? null : String(m.aborted),
    m.control ?? null,
    m.masked ? 'true' : null,
  ]);
}

/**
 * The records of a messages query as a file (JSON Lines, or CSV with formula cells neutralised), streamed as they are
 * read: masked like every answer, outside the route deadline, within the stream budget and slots. A read that fails
 * part-way ends the file with a line that says so.
 */
export async function exportMessages(
  clusterId: string,
  topic: string,
  query: MessagesExportQuery,
  principal: Principal,
  requestSignal: AbortSignal,
): Promise<Response> {
  const settings = getConfig().messages;
  const release = acquireStreamSlot(`${principal.kind}:${principal.name}`, {
    perUser: settings.streamsPerUser,
    perConsole: settings.streamsPerConsole,
  });
  try {
    const prepared = await withKafka(clusterId, (connection) => prepareRead(connection, topic, { ...query, live: undefined }, principal), {
      channel: 'records',
    });
    const csv = query.format === 'csv';
    const fileName = `${topic}.${csv ? 'csv' : 'jsonl'}`.replace(/[^\w.-]+/g, '_');
    return streamingResponse(
      requestSignal,
      {
        'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
      async (sink, signal) => {
        if (csv) await sink.write(`${CSV_COLUMNS.join(',')}\r\n`);
        const trailer = (text: string) => sink.write(csv ? `${csvRow([`# ${text}`])}\r\n` : `${JSON.stringify({ error: text })}\n`);
        try {
          const outcome = await withKafka(
            clusterId,
            (connection) =>
              readRecords(
                connection,
                {
                  ...prepared.plan,
                  direction: prepared.direction,
                  lanes: prepared.lanes,
                  partitionMaxBytes: STREAM_PARTITION_MAX_BYTES,
                  limit: Math.min(query.limit, settings.streamMaxRecords),
                  maxOutputBytes: Number.POSITIVE_INFINITY,
                  maxScanned: settings.streamMaxRecords,
                  deadline: Date.now() + settings.streamMaxSeconds * 1000,
                  signal,
                },
                {
                  ...topicHooks(connection, topic),
                  onMatch: (match) => {
                    const message = toMessage(match, query.isolation);
                    return sink.write(csv ? `${csvLine(message)}\r\n` : `${JSON.stringify(message)}\n`);
                  },
                },
              ),
            { channel: 'records', deadlineMs: settings.streamMaxSeconds * 1000 + 15_000 },
          );
          const failed = [...prepared.errors, ...[...outcome.errors].map(([partition, message]) => ({ partition, message }))];
          if (failed.length > 0) await trailer(`partitions not read: ${failed.map((e) => `${e.partition} (${e.message})`).join('; ')}`);
        } catch (error) {
          logInternalError(`messages export ${clusterId}/${topic}`, error);
          await trailer('the export stopped early: Kafka could not be read to the end');
        }
      },
      release,
    );
  } catch (error) {
    release();
    throw error;
  }
}
