import { z } from 'zod';
import { blankToUndefined, int64String } from '@/lib/schemas/common';
import { FILTER_MAX_LENGTH, FilterSyntaxError, parseFilter } from '@/lib/schemas/message-filter';

export const MESSAGES_MAX_LIMIT = 1_000;
export const MESSAGES_DEFAULT_LIMIT = 100;
/** A JSON page carries at most this many bytes of keys, values and headers (at least one record whatever its size). */
export const MESSAGES_MAX_BYTES = 1024 * 1024;

export const COMPRESSION_TYPES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export const compressionSchema = z.enum(COMPRESSION_TYPES);
export const isolationSchema = z.enum(['read_committed', 'read_uncommitted']);

/** `newest`, `oldest`, `offset:N` (one partition) or `timestamp:T` (epoch ms; the first record at or after T). */
export const FROM_PATTERN = /^(newest|oldest|offset:\d{1,19}|timestamp:\d{1,15})$/;

const booleanFlag = z.preprocess(blankToUndefined, z.enum(['true', 'false']).optional());

export const messagesQuerySchema = z
  .object({
    /** Comma-separated partition numbers; absent = every partition. */
    partitions: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{1,10}(,\d{1,10}){0,9999}$/, 'partition numbers separated by commas, e.g. 0,3')
        .optional(),
    ),
    from: z.preprocess(
      blankToUndefined,
      z.string().regex(FROM_PATTERN, 'newest, oldest, offset:N or timestamp:T (epoch ms)').default('newest'),
    ),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MESSAGES_MAX_LIMIT).default(MESSAGES_DEFAULT_LIMIT)),
    /** The filter language (README: "Message filters"). */
    filter: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(FILTER_MAX_LENGTH)
        .superRefine((source, ctx) => {
          try {
            parseFilter(source);
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: error instanceof FilterSyntaxError ? error.message : 'not a valid filter' });
          }
        })
        .optional(),
    ),
    isolation: z.preprocess(blankToUndefined, isolationSchema.default('read_committed')),
    /** `next` or `prev` of an earlier answer: continues from there (its partitions and direction win over `from`). */
    cursor: z.preprocess(blankToUndefined, z.string().max(400_000).optional()),
    /** Exact key lookup: only the partition Kafka's default partitioner gives this key is read. */
    key: z.preprocess(blankToUndefined, z.string().max(32_768).optional()),
    keyEncoding: z.preprocess(blankToUndefined, z.enum(['utf8', 'base64']).default('utf8')),
    /** Transaction markers as records of their own. */
    control: booleanFlag,
    /** With Accept: text/event-stream: follow the end of the partitions (live tail) instead of reading once. */
    live: booleanFlag,
    /** Stream budget, at most the configured one: records examined and seconds. */
    maxRecords: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000_000).optional()),
    maxSeconds: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(86_400).optional()),
  })
  .strict();
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

/** A download of what a page shows (its `self` cursor) or more: the same query, up to 100,000 records, as a file. */
export const MESSAGES_EXPORT_MAX = 100_000;
export const messagesExportQuerySchema = messagesQuerySchema.omit({ live: true }).extend({
  format: z.preprocess(blankToUndefined, z.enum(['jsonl', 'csv']).default('jsonl')),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MESSAGES_EXPORT_MAX).default(MESSAGES_DEFAULT_LIMIT)),
});
export type MessagesExportQuery = z.infer<typeof messagesExportQuerySchema>;

const encodingSchema = z.enum(['utf8', 'base64']);

export const messageHeaderSchema = z.object({ key: z.string(), value: z.string().nullable(), valueEncoding: encodingSchema.nullable() });

export const messageSchema = z
  .object({
    partition: z.number().int().nonnegative(),
    offset: int64String,
    /** Epoch ms; null for records written without one (message format v0). */
    timestamp: z.number().int().nullable(),
    timestampType: z.enum(['CreateTime', 'LogAppendTime']).nullable(),
    /** UTF-8 text when the bytes are valid UTF-8, else base64; null for a null key or value. */
    key: z.string().nullable(),
    keyEncoding: encodingSchema.nullable(),
    value: z.string().nullable(),
    valueEncoding: encodingSchema.nullable(),
    /** In record order, repeats kept. */
    headers: z.array(messageHeaderSchema),
    /** Serialized sizes as stored (before masking); null for a null key or value. */
    keySize: z.number().int().nonnegative().nullable(),
    valueSize: z.number().int().nonnegative().nullable(),
    compression: compressionSchema,
    producerId: int64String.optional(),
    producerEpoch: z.number().int().optional(),
    sequence: z.number().int().optional(),
    transactional: z.boolean(),
    /** read_uncommitted only, on transactional records: aborted or not; null while the transaction is open. */
    aborted: z.boolean().nullable().optional(),
    /** A transaction marker (shown with control=true) and its kind. */
    control: z.enum(['COMMIT', 'ABORT']).optional(),
    /** Masking rules changed this record's key, value or headers. */
    masked: z.boolean().optional(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const STOPPED_BY = ['limit', 'bytes', 'end', 'records', 'time', 'cancelled'] as const;
export const stoppedBySchema = z.enum(STOPPED_BY);

export const messagesResponseSchema = z
  .object({
    messages: z.array(messageSchema),
    /** asc: oldest first (a read forward); desc: newest first (from newest, or `prev`). */
    order: z.enum(['asc', 'desc']),
    /** Records examined (with a filter, more than those shown). */
    scanned: z.number().int().nonnegative(),
    stoppedBy: stoppedBySchema,
    /** Cursors: newer records after these, older ones before them; prev is null when nothing older is left. */
    next: z.string(),
    prev: z.string().nullable(),
    /** Reads this same page again (the download uses it). */
    self: z.string(),
    /** The partitions read, with their log start and end as the read saw them. */
    partitions: z.array(
      z.object({ partition: z.number().int(), logStartOffset: int64String, endOffset: int64String, position: int64String }),
    ),
    /** Partitions that could not be read, and why. */
    errors: z.array(z.object({ partition: z.number().int(), message: z.string() })),
    /** What the read adjusted (an offset below the log start, a key's partition). */
    notices: z.array(z.string()),
  })
  .meta({ id: 'MessagesResponse' });
export type MessagesResponse = z.infer<typeof messagesResponseSchema>;

/** Server-sent events of a scan or a live tail. */
export const messageProgressSchema = z.object({
  scanned: z.number().int(),
  matched: z.number().int(),
  positions: z.record(z.string(), int64String),
});
export const messageStreamEndSchema = z.object({
  stoppedBy: stoppedBySchema,
  scanned: z.number().int(),
  matched: z.number().int(),
  next: z.string(),
  message: z.string(),
  errors: z.array(z.object({ partition: z.number().int(), message: z.string() })),
});

const headerInputSchema = z
  .object({ key: z.string().min(1).max(1_000), value: z.string().nullable(), valueEncoding: encodingSchema.default('utf8') })
  .strict();

export const produceInputSchema = z
  .object({
    /** Absent: the key's partition (Kafka's default partitioner), or a random available one for a null key. */
    partition: z.number().int().nonnegative().max(2_147_483_647).optional(),
    key: z.string().nullable().default(null),
    keyEncoding: encodingSchema.default('utf8'),
    value: z.string().nullable().default(null),
    valueEncoding: encodingSchema.default('utf8'),
    headers: z.array(headerInputSchema).max(200).default([]),
    compression: compressionSchema.default('none'),
    acks: z.union([z.literal(-1), z.literal(1)]).default(-1),
  })
  .strict()
  .superRefine((input, ctx) => {
    const check = (text: string | null, encoding: 'utf8' | 'base64', path: (string | number)[]) => {
      if (text !== null && encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
        ctx.addIssue({ code: 'custom', path, message: 'not base64' });
    };
    check(input.key, input.keyEncoding, ['key']);
    check(input.value, input.valueEncoding, ['value']);
    input.headers.forEach((h, i) => check(h.value, h.valueEncoding, ['headers', i, 'value']));
  })
  .meta({ id: 'ProduceInput' });
export type ProduceInput = z.input<typeof produceInputSchema>;
export type ParsedProduceInput = z.output<typeof produceInputSchema>;

export const produceResultSchema = z
  .object({ partition: z.number().int(), offset: int64String, timestamp: z.number().int() })
  .meta({ id: 'ProduceResult' });
export type ProduceResult = z.infer<typeof produceResultSchema>;
