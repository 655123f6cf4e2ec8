import 'server-only';
import { ZodError } from 'zod';
import { ApiError, type FieldErrors } from '@/lib/errors';
import { getClusterConfig } from '@/server/config/current';
import { errorResponse } from '@/server/http/responses';

type Params = Record<string, string | string[] | undefined>;

export type RouteArgs<P extends Params> = {
  request: Request;
  params: P;
  url: URL;
  /** The parsed JSON body of a write; undefined for GET and HEAD. */
  body: unknown;
};

export type RouteOptions = {
  /** The operation's name in logs, e.g. "brokers.list". */
  name: string;
};

/**
 * The one wrapper every route handler goes through. It owns parsing, the unknown-cluster 404 and the only
 * try/catch: whatever a handler throws becomes the console's error shape, and nothing else leaks.
 */
export function route<P extends Params>(options: RouteOptions, handler: (args: RouteArgs<P>) => Promise<Response>) {
  return async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    try {
      // Routes without dynamic segments get no params from Next.
      const params = ((await context?.params) ?? {}) as P;
      if (typeof params.clusterId === 'string') getClusterConfig(params.clusterId);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readJson(request);
      return await handler({ request, params, url: new URL(request.url), body });
    } catch (error) {
      return errorResponse(toRouteError(error, options.name));
    }
  };
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('VALIDATION', 'The request body is not valid JSON', { status: 400 });
  }
}

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

function toRouteError(error: unknown, name: string): ApiError {
  if (error instanceof ApiError) {
    if (error.code === 'INTERNAL') logInternal(name, error.cause ?? error);
    return error;
  }
  if (error instanceof ZodError) {
    return new ApiError('VALIDATION', 'The request is not valid', { fieldErrors: fieldErrorsOf(error) });
  }
  logInternal(name, error);
  return new ApiError('INTERNAL', 'Internal error');
}

/** Internal errors are logged on the server only; the client gets a fixed message. */
function logInternal(name: string, error: unknown) {
  const detail = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', source: 'route', route: name, ...detail }));
}
