import { z } from 'zod';
import {
  messagesExportQuerySchema,
  messagesQuerySchema,
  messagesResponseSchema,
  produceInputSchema,
  produceResultSchema,
} from '@/lib/schemas/messages';
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';
import { summarizeProduce } from '@/server/messages/produce-summary';

export const readMessages = endpoint({
  name: 'messages.read',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/messages',
  summary:
    'Records of the topic (admin, operator; viewers 403), masked: one page as JSON from newest, oldest, offset:N or timestamp:T, or a cursor; ' +
    'with a filter and/or an exact key. With Accept: text/event-stream a scan or, with live=true, a live tail as server-sent events ' +
    '(start, message, progress, end, error), outside the route deadline within the stream budget; 429 beyond the streams allowed per user and console',
  tag: 'messages',
  permission: 'browseMessages',
  query: messagesQuerySchema,
  response: messagesResponseSchema,
  mediaTypes: ['application/json', 'text/event-stream'],
  errors: [...KAFKA_ERRORS, 'RATE_LIMITED'],
  audit: { target: 'topic', reads: true },
});

export const produceMessage = endpoint({
  name: 'messages.produce',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/messages',
  summary:
    "Produce one record (admin; operators when operatorsMayProduce) to a partition, the key's partition or any: key, value and headers as UTF-8 or base64, " +
    "a codec, acks -1 or 1; over the topic's max.message.bytes 422 on value; internal topics 403; audited without contents",
  tag: 'messages',
  permission: 'produce',
  body: produceInputSchema,
  response: produceResultSchema,
  status: 201,
  errors: KAFKA_ERRORS,
  audit: { target: 'topic', summary: summarizeProduce },
});

export const exportMessages = endpoint({
  name: 'messages.export',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/messages/export',
  summary:
    "The records of a messages query as JSON Lines or CSV (`format`), masked, up to 100,000, streamed; a page's `self` cursor downloads what it shows",
  tag: 'messages',
  permission: 'browseMessages',
  query: messagesExportQuerySchema,
  response: z.string(),
  mediaTypes: ['application/x-ndjson', 'text/csv'],
  errors: [...KAFKA_ERRORS, 'RATE_LIMITED'],
  audit: { target: 'topic', reads: true },
});
