import type { z } from 'zod';
import { ApiError } from '@/lib/errors';
import { errorResponseSchema } from '@/lib/schemas/common';

/** GETs an API path and validates the answer against its schema; error answers become ApiError. */
export async function apiGet<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
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
