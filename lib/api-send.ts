import type { z } from 'zod';
import { ApiError } from '@/lib/errors';
import { errorResponseSchema } from '@/lib/schemas/common';

/**
 * Sends a change (JSON body) to an API path and validates the answer against its schema; error answers become
 * ApiError with the server's code, message and fieldErrors (the form shows those). The browser adds the Origin
 * header the route checks for cookie-authenticated writes.
 */
export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError('KAFKA_UNAVAILABLE', 'The console server did not answer', { status: 0, cause: error });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorResponseSchema.safeParse(json);
    if (parsed.success) {
      const { code, message, fieldErrors } = parsed.data.error;
      throw new ApiError(code as ApiError['code'], message, { status: response.status, fieldErrors });
    }
    throw new ApiError('INTERNAL', `Unexpected answer (HTTP ${response.status})`, { status: response.status });
  }
  return schema.parse(json);
}
