import 'server-only';
import { ZodError } from 'zod';
import { ApiError, zodFieldErrors } from '@/lib/errors';
import type { Permission } from '@/lib/schemas/auth';
import { topicNameError } from '@/lib/schemas/topic-name';
import type { Principal } from '@/server/auth/session';
import { getClusterConfig } from '@/server/config/current';
import { auditDenied, auditedChange } from '@/server/http/audit-request';
import { checkAccess, requirePrincipal } from '@/server/http/authorize';
import { logInternalError } from '@/server/http/log';
import { errorResponse } from '@/server/http/responses';

type Params = Record<string, string | string[] | undefined>;

export type RouteArgs<P extends Params, A extends Principal | null> = {
  request: Request;
  params: P;
  url: URL;
  /** The parsed JSON body of a write; undefined for GET and HEAD. */
  body: unknown;
  principal: A;
};

type PublicRoute = { name: string; permission: 'public' };
type ProtectedRoute = {
  name: string;
  permission: Permission;
  /** What the change is about, for the audit log. */
  target?: (params: Params) => string | null;
  /** What the audit log keeps of the request: by default its body (secrets redacted); for a read, its query. */
  auditSummary?: (body: unknown, url: URL) => unknown;
  /** Reads of record contents are audited like changes: who looked at which topic, where, with which filter. */
  auditReads?: boolean;
};

const isWrite = (request: Request) => request.method !== 'GET' && request.method !== 'HEAD';

/**
 * The one wrapper every route handler goes through. It owns authentication and authorization (next to the
 * Kafka call, never only in the proxy), parsing, the audit record of every change and every refusal, and the
 * only try/catch: whatever a handler throws becomes the console's error shape, and nothing else leaks.
 */
export function route<P extends Params>(options: PublicRoute, handler: (args: RouteArgs<P, null>) => Promise<Response>): RouteHandler<P>;
export function route<P extends Params>(
  options: ProtectedRoute,
  handler: (args: RouteArgs<P, Principal>) => Promise<Response>,
): RouteHandler<P>;
export function route<P extends Params>(
  options: PublicRoute | ProtectedRoute,
  handler: ((args: RouteArgs<P, null>) => Promise<Response>) | ((args: RouteArgs<P, Principal>) => Promise<Response>),
): RouteHandler<P> {
  return async (request, context) => {
    let principal: Principal | null = null;
    let params = {} as P;
    try {
      // Routes without dynamic segments get no params from Next.
      params = ((await context?.params) ?? {}) as P;
      const clusterId = typeof params.clusterId === 'string' ? params.clusterId : undefined;
      if (options.permission !== 'public') {
        principal = await requirePrincipal(request);
        checkAccess(request, principal, options.permission, clusterId);
      }
      if (clusterId !== undefined) getClusterConfig(clusterId);
      // A topic whose name Kafka would refuse cannot exist: not found, without asking Kafka (or auditing a
      // 1,000-character "name" as if it were one).
      if (typeof params.topic === 'string' && topicNameError(params.topic) !== null)
        throw new ApiError('NOT_FOUND', 'No topic has that name: it is not a valid Kafka topic name');
      const body = isWrite(request) ? await readJson(request) : undefined;
      // The overloads tie a public route to principal null and a protected one to a Principal.
      const run = () =>
        (handler as (args: RouteArgs<P, Principal | null>) => Promise<Response>)({
          request,
          params,
          url: new URL(request.url),
          body,
          principal,
        });
      if (options.permission === 'public' || !principal || (!isWrite(request) && !options.auditReads)) return await run();
      const target = options.target?.(params) ?? null;
      const url = new URL(request.url);
      const summary = options.auditSummary
        ? options.auditSummary(body, url)
        : isWrite(request)
          ? body
          : Object.fromEntries(url.searchParams);
      return await auditedChange({ request, action: options.name, principal, clusterId, target, body: summary }, run);
    } catch (error) {
      const apiError = toRouteError(error, options.name);
      if (apiError.code === 'FORBIDDEN' || apiError.code === 'KAFKA_FORBIDDEN') {
        const target = options.permission === 'public' ? null : (options.target?.(params) ?? null);
        await auditDenied({ request, action: options.name, principal, params, target, error: apiError });
      }
      return errorResponse(apiError);
    }
  };
}

export type RouteHandler<P extends Params> = (request: Request, context?: { params?: Promise<P> }) => Promise<Response>;

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('VALIDATION', 'The request body is not valid JSON', { status: 400 });
  }
}

export function toRouteError(error: unknown, name: string): ApiError {
  if (error instanceof ApiError) {
    if (error.code === 'INTERNAL' && error.cause) logInternalError(`route ${name}`, error.cause);
    return error;
  }
  if (error instanceof ZodError) {
    return new ApiError('VALIDATION', 'The request is not valid', { fieldErrors: zodFieldErrors(error) });
  }
  logInternalError(`route ${name}`, error);
  return new ApiError('INTERNAL', 'Internal error');
}
