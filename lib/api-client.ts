import type { z } from 'zod';
import { ApiError } from '@/lib/errors';
import { errorResponseSchema } from '@/lib/schemas/common';

/** One API call: the answer validated against its schema; error answers become ApiError (code, message, fieldErrors). */
async function call<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: 'no-store' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
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

/** GETs an API path. */
export function apiGet<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return call(path, { headers: { accept: 'application/json' }, signal }, schema);
}

/**
 * Sends a change (JSON body) to an API path; the form shows the error's fieldErrors. The browser adds the Origin
 * header the route checks for cookie-authenticated writes.
 */
export function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  return call(
    path,
    { method, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) },
    schema,
  );
}
