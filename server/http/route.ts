import 'server-only';
import { ZodError, type z } from 'zod';
import { ApiError, zodFieldErrors } from '@/lib/errors';
import { topicNameError } from '@/lib/schemas/topic-name';
import type { Endpoint, EndpointBody, EndpointParams, EndpointQuery, EndpointReply } from '@/server/api/endpoint';
import type { Principal } from '@/server/auth/session';
import { noteListView } from '@/server/cluster-state/list-views';
import { getClusterConfig } from '@/server/config/current';
import { auditDenied, auditedChange } from '@/server/http/audit-request';
import { checkAccess, requirePrincipal } from '@/server/http/authorize';
import { logInternalError } from '@/server/http/log';
import { errorResponse, ok } from '@/server/http/responses';

type Params = Record<string, string | string[] | undefined>;

export type RouteArgs<E extends Endpoint> = {
  request: Request;
  url: URL;
  params: EndpointParams<E>;
  /** The query string, parsed by the endpoint's schema. */
  query: EndpointQuery<E>;
  /** The JSON body of a write, parsed by the endpoint's schema. */
  body: EndpointBody<E>;
  principal: E['permission'] extends 'public' ? null : Principal;
};

export type RouteHandler = ((request: Request, context?: { params?: Promise<Params> }) => Promise<Response>) & {
  /** What the handler serves, for the test that holds the route files equal to the route table. */
  endpoint: Endpoint;
};

const isWrite = (request: Request) => request.method !== 'GET' && request.method !== 'HEAD';

/**
 * The one wrapper every route handler goes through, driven by the handler's endpoint (server/api/endpoints/). It
 * owns authentication and authorization (next to the Kafka call, never only in the proxy), parsing path, query and
 * body by the endpoint's schemas, the audit record of every change and every refusal, the success status, and the
 * only try/catch: whatever a handler throws becomes the console's error shape, and nothing else leaks.
 */
export function route<const E extends Endpoint>(endpoint: E, handler: (args: RouteArgs<E>) => Promise<EndpointReply<E>>): RouteHandler {
  const serve = async (request: Request, context?: { params?: Promise<Params> }) => {
    let principal: Principal | null = null;
    let params: Params = {};
    try {
      // Routes without dynamic segments get no params from Next.
      params = (await context?.params) ?? {};
      const clusterId = typeof params.clusterId === 'string' ? params.clusterId : undefined;
      if (endpoint.permission !== 'public') {
        principal = await requirePrincipal(request);
        checkAccess(request, principal, endpoint.permission, clusterId);
      }
      if (clusterId !== undefined) getClusterConfig(clusterId);
      if (clusterId !== undefined) noteListView(clusterId, endpoint);
      // A topic whose name Kafka would refuse cannot exist: not found, without asking Kafka (or auditing a
      // 1,000-character "name" as if it were one).
      if (typeof params.topic === 'string' && topicNameError(params.topic) !== null)
        throw new ApiError('NOT_FOUND', 'No topic has that name: it is not a valid Kafka topic name');
      const url = new URL(request.url);
      const rawBody = isWrite(request) ? await readJson(request) : undefined;
      // Parsed inside the audited run, so that a change refused for its input is recorded with its 422.
      const run = async () => {
        const args = {
          request,
          url,
          params: endpoint.params ? { ...params, ...parseInput(endpoint.params, params) } : params,
          query: endpoint.query ? parseInput(endpoint.query, Object.fromEntries(url.searchParams)) : undefined,
          body: endpoint.body ? parseInput(endpoint.body, rawBody ?? {}) : undefined,
          principal,
        } as RouteArgs<E>;
        const reply = await handler(args);
        return reply instanceof Response ? reply : ok(reply, { status: endpoint.status });
      };
      const audit = endpoint.audit ?? {};
      if (endpoint.permission === 'public' || !principal || (!isWrite(request) && !audit.reads)) return await run();
      const summary = isWrite(request) ? (audit.summary ? audit.summary(rawBody) : rawBody) : Object.fromEntries(url.searchParams);
      return await auditedChange(
        { request, action: endpoint.name, principal, clusterId, target: auditTarget(endpoint, params), body: summary },
        run,
      );
    } catch (error) {
      const apiError = toRouteError(error, endpoint.name);
      if (apiError.code === 'FORBIDDEN' || apiError.code === 'KAFKA_FORBIDDEN') {
        const target = endpoint.permission === 'public' ? null : auditTarget(endpoint, params);
        await auditDenied({ request, action: endpoint.name, principal, params, target, error: apiError });
      }
      return errorResponse(apiError);
    }
  };
  return Object.assign(serve, { endpoint });
}

function auditTarget(endpoint: Endpoint, params: Params): string | null {
  const value = endpoint.audit?.target === undefined ? undefined : params[endpoint.audit.target];
  return typeof value === 'string' ? value : null;
}

function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError('VALIDATION', 'The request is not valid', { fieldErrors: zodFieldErrors(result.error) });
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
