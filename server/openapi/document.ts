import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import { errorResponseSchema } from '@/lib/schemas/common';
import { OPERATIONS, type Operation } from '@/server/openapi/operations';

const REF = (id: string) => `#/components/schemas/${id}`;

function schemaRef(schema: z.ZodType) {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: REF(id) } : z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' });
}

function responses(op: Operation) {
  const result: Record<string, unknown> = {
    [String(op.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: schemaRef(op.response) } } },
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of op.errors) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  if (op.requestBody) byStatus.set(400, ['VALIDATION']);
  for (const [status, codes] of byStatus) {
    result[String(status)] = {
      description: codes.join(' or '),
      content: { 'application/json': { schema: schemaRef(errorResponseSchema) } },
    };
  }
  return result;
}

function parameters(op: Operation) {
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
        schema: z.toJSONSchema(schema as z.ZodType, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }),
      }))
    : [];
  return [...pathParams, ...queryParams];
}

/** OpenAPI 3 generated from the same zod schemas the routes and the UI use. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: parameters(op),
      ...(op.requestBody
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(op.requestBody) } } } }
        : {}),
      responses: responses(op),
    };
  }
  // Every schema with a meta id becomes a component; the operations' imports have registered them all.
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: 'openapi-3.0', uri: REF, unrepresentable: 'any' });
  for (const schema of Object.values(schemas)) delete (schema as { $id?: string }).$id;
  return {
    openapi: '3.0.3',
    info: {
      title: 'Kafka Console API',
      version: '1',
      description:
        'int64 values (offsets, lags, sizes, counts) are exact decimal strings; times are epoch milliseconds. ' +
        'Errors are { "error": { "code", "message", "fieldErrors"? } }.',
    },
    paths,
    components: { schemas },
  };
}
