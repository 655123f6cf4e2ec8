import { ApiError } from '@/lib/errors';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** A JSON answer; the status is the endpoint's (200, 201 for something created, 202 for work started). */
export function ok(data: unknown, init: { status?: number } = {}) {
  return Response.json(data, { status: init.status ?? 200, headers: NO_STORE });
}

export function errorResponse(error: ApiError) {
  return Response.json(error.toJSON(), { status: error.status, headers: NO_STORE });
}
