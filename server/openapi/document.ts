import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import { errorResponseSchema } from '@/lib/schemas/common';
import type { Endpoint } from '@/server/api/endpoint';
import { ROUTE_TABLE } from '@/server/api/route-table';

type JsonSchema = Record<string, unknown>;

/**
 * The components of one document, collected from the schemas the operations use — never from zod's global
 * registry: in the production server, pages and route handlers are separate bundles that each hold their own copy
 * of a schema module, so the registry holds two schemas under one id ("Duplicate schema id ConfigEntry") while the
 * operations reach only one of them.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /** `schema` as JSON Schema whose named parts (meta ids) are refs into the components. */
  ref(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io }) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    const { $defs = {}, ...root } = converted;
    for (const [id, definition] of Object.entries($defs)) this.schemas[id] ??= relink(definition);
    return relink(root);
  }
}

/** zod writes a standalone schema's named parts under #/$defs; a document keeps them in its components. */
const relink = (schema: JsonSchema): JsonSchema => {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
};

/** The operation's own errors and those the route wrapper answers for it (server/http/route.ts). */
export function errorCodes(op: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (op.permission !== 'public') codes.add('UNAUTHENTICATED');
  // Cookie writes from a foreign origin, and roles without the permission; clusters out of scope are 404.
  if (op.permission !== 'public' && (op.permission !== 'read' || op.method !== 'get')) codes.add('FORBIDDEN');
  if (/\{\w+\}/.test(op.path)) codes.add('NOT_FOUND');
  if (op.params || op.query || op.body) codes.add('VALIDATION');
  for (const code of op.errors ?? []) codes.add(code);
  if (op.permission !== 'public') codes.add('INTERNAL');
  return [...codes];
}

function responses(op: Endpoint, components: Components) {
  const result: Record<string, unknown> = {
    [String(op.status ?? 200)]: {
      description: 'OK',
      content: Object.fromEntries(
        (op.mediaTypes ?? ['application/json']).map((type) => [
          type,
          { schema: type === 'application/json' ? components.ref(op.response) : { type: 'string' } },
        ]),
      ),
    },
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes(op)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  // A body that is not JSON.
  if (op.method !== 'get') byStatus.set(400, ['VALIDATION']);
  for (const [status, codes] of byStatus) {
    result[String(status)] = {
      description: codes.join(' or '),
      content: { 'application/json': { schema: components.ref(errorResponseSchema) } },
    };
  }
  return result;
}

function parameters(op: Endpoint, components: Components) {
  const pathShape: Record<string, z.ZodType> = op.params?.shape ?? {};
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: pathShape[name!] ? components.ref(pathShape[name!]!, 'input') : { type: 'string' },
  }));
  const queryParams = op.query
    ? Object.entries(op.query.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: components.ref(schema as z.ZodType, 'input'),
      }))
    : [];
  return [...pathParams, ...queryParams];
}

/** OpenAPI 3.1 (its schemas are JSON Schema 2020-12) generated from the same zod schemas the routes and the UI use. */
export function openApiDocument() {
  const components = new Components();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ROUTE_TABLE) {
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.permission === 'public' ? { security: [] } : {}),
      'x-permission': op.permission,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: parameters(op, components),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: components.ref(op.body) } } } } : {}),
      responses: responses(op, components),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kafka Console API',
      version: '1',
      description:
        'int64 values (offsets, lags, sizes, counts) are exact decimal strings; times are epoch milliseconds. ' +
        'Errors are { "error": { "code", "message", "fieldErrors"? } }.',
    },
    // API clients (scripts, Prometheus) send a configured token; the pages' session cookie works too.
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components.schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
