import { ApiError } from '@/lib/errors';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function ok(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return Response.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export const created = (data: unknown) => ok(data, { status: 201 });
/** Work started in the background; `data` says where to follow it. */
export const accepted = (data: unknown) => ok(data, { status: 202 });

export function errorResponse(error: ApiError) {
  return Response.json(error.toJSON(), { status: error.status, headers: NO_STORE });
}
