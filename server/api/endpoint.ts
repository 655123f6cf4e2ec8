import type { z } from 'zod';
import type { ErrorCode } from '@/lib/errors';
import type { Permission } from '@/lib/schemas/auth';
import type { SharedSnapshot } from '@/server/cluster-state/list-views';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The names in a path template's braces: `/a/{clusterId}/b/{topic}` → `'clusterId' | 'topic'`. */
export type PathParamName<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamName<Rest> : never;

/**
 * One operation of the API, declared once: the route wrapper authorizes, parses and audits by it, the route file binds
 * its handler to it, and the OpenAPI document is generated from the table of them (server/api/route-table.ts).
 */
export type Endpoint = {
  /** The action of the audit log. */
  name: string;
  method: HttpMethod;
  /** OpenAPI path template; the route file sits at the same path with the names in brackets. */
  path: string;
  summary: string;
  tag: string;
  permission: Permission | 'public';
  /** Path parameters that must be more than any string (each is a string unless this says otherwise). */
  params?: z.ZodObject;
  /** Parsed from the query string (one value per name), as strings in. */
  query?: z.ZodObject;
  /** Parsed from the JSON body; an empty body is `{}`. */
  body?: z.ZodType;
  /** The JSON answer's schema; for an answer that is text (CSV, JSON Lines), a string. */
  response: z.ZodType;
  /** The success status; 200 unless the operation creates something (201) or starts work (202). */
  status?: 200 | 201 | 202;
  /** Media types of the success answer when not only JSON; any but JSON is text. */
  mediaTypes?: readonly string[];
  /**
   * Errors of the operation itself. Those every route can answer are added by the document: UNAUTHENTICATED,
   * FORBIDDEN and INTERNAL for a protected route, VALIDATION for one with inputs, NOT_FOUND for one under a cluster.
   */
  errors?: readonly ErrorCode[];
  /**
   * The shared whole-cluster snapshots the operation answers from (a list): while it is requested, the background
   * reader keeps them younger than the pages' maximum age, so that no request waits for a whole-cluster read.
   */
  keepsWarm?: readonly SharedSnapshot[];
  audit?: {
    /** The path parameter the change is about. */
    target?: string;
    /** Reads of record contents are audited like changes: who looked at which topic, where, with which filter. */
    reads?: boolean;
    /** What the audit log keeps of a write's body, when not all of it (secrets are redacted either way). */
    summary?: (body: unknown) => unknown;
  };
};

/** Declares an endpoint; the audit target must name one of the path's parameters. */
export const endpoint = <const E extends Endpoint>(declared: E & { audit?: { target?: PathParamName<E['path']> } }): E => declared;

type Parsed<E, Key extends 'query' | 'body'> = E extends { [K in Key]: infer S extends z.ZodType } ? z.output<S> : undefined;

export type EndpointParams<E extends Endpoint> = Record<PathParamName<E['path']>, string> &
  (E extends { params: infer S extends z.ZodObject } ? z.output<S> : unknown);
export type EndpointQuery<E extends Endpoint> = Parsed<E, 'query'>;
export type EndpointBody<E extends Endpoint> = Parsed<E, 'body'>;
/** What a handler answers: the response schema's value (sent as JSON with the endpoint's status), or a Response of its own. */
export type EndpointReply<E extends Endpoint> = z.output<E['response']> | Response;

/** Errors the Kafka cluster behind an operation can cause. */
export const KAFKA_ERRORS = ['KAFKA_FORBIDDEN', 'KAFKA_ERROR', 'KAFKA_UNAVAILABLE'] as const satisfies readonly ErrorCode[];
