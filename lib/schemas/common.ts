import { z } from 'zod';
import { ERROR_CODES } from '@/lib/errors';

/** int64 values (offsets, lags, sizes, counts) travel as exact decimal strings: JSON numbers lose precision past 2^53. */
export const int64String = z.string().regex(/^-?\d+$/, 'an integer as a decimal string');
/** Times are epoch milliseconds. */
export const epochMs = z.number().int().nonnegative();

/** The last instant a JavaScript Date (and so the database) can hold: ±8.64e15 ms, about the year 275,760. */
export const MAX_DATE_MS = 8_640_000_000_000_000;
/** A time in a query string: epoch ms within the Date range (a larger one is a 422, never an invalid Date). */
export const queryEpochMs = z.coerce
  .number()
  .int('a whole number of epoch milliseconds')
  .nonnegative()
  .max(MAX_DATE_MS, 'at most 8.64e15 (the last date there is)');

export const brokerId = z.number().int().nonnegative();

/** Query parameters: an empty value (`?q=`) means the parameter is absent. */
export const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Cluster ids come from the server config; they appear in URLs, so they stay URL-safe. */
export const clusterIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, "-" and "_", at most 63 characters');

/** Free text a filter compares with stored values: PostgreSQL text cannot hold NUL, so a query with one is refused. */
export const filterText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters');

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [string, ...string[]]),
      message: z.string(),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/**
 * What a read answers when the cluster cannot have the thing asked for (ZooKeeper mode, an older Kafka): 200 and
 * what it would need, so that pages say so instead of failing.
 */
export const unsupportedSchema = z.object({ supported: z.literal(false), requires: z.string() }).meta({ id: 'Unsupported' });
