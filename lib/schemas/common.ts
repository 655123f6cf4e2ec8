import { z } from 'zod';
import { ERROR_CODES } from '@/lib/errors';

/** int64 values (offsets, lags, sizes, counts) travel as exact decimal strings: JSON numbers lose precision past 2^53. */
export const int64String = z.string().regex(/^-?\d+$/, 'an integer as a decimal string');
/** Times are epoch milliseconds. */
export const epochMs = z.number().int().nonnegative();

export const brokerId = z.number().int().nonnegative();

/** Query parameters: an empty value (`?q=`) means the parameter is absent. */
export const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Cluster ids come from the server config; they appear in URLs, so they stay URL-safe. */
export const clusterIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, "-" and "_", at most 63 characters');

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
