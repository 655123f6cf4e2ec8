import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import { errorResponseSchema } from '@/lib/schemas/common';
import { OPERATIONS, type Operation } from '@/server/openapi/operations';

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

function responses(op: Operation, components: Components) {
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
  for (const code of op.errors) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  if (op.requestBody) byStatus.set(400, ['VALIDATION']);
  for (const [status, codes] of byStatus) {
    result[String(status)] = {
      description: codes.join(' or '),
      content: { 'application/json': { schema: components.ref(errorResponseSchema) } },
    };
  }
  return result;
}

function parameters(op: Operation, components: Components) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
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
  for (const op of OPERATIONS) {
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: parameters(op, components),
      ...(op.requestBody
        ? { requestBody: { required: true, content: { 'application/json': { schema: components.ref(op.requestBody) } } } }
        : {}),
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
    paths,
    components: { schemas: components.schemas },
  };
}
