import fc from 'fast-check';
import type { OpenApiDocument } from './openapi-client';

type Schema = { $ref?: string; properties?: Record<string, unknown>; oneOf?: Schema[]; anyOf?: Schema[] };
type Parameter = { name: string; in: string };
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What the fuzzer needs of one documented operation: its path template, query names and body property names. */
export type FuzzedOperation = { method: Method; template: string; pathNames: string[]; queryNames: string[]; bodyKeys: string[] | null };

/** The route list, from the OpenAPI document the production server answers. */
export function fuzzedOperations(document: OpenApiDocument): FuzzedOperation[] {
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()!] as Schema) : schema;
  const keysOf = (schema: Schema): string[] => {
    const resolved = resolve(schema);
    return [...Object.keys(resolved.properties ?? {}), ...[...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])].flatMap(keysOf)];
  };
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const operation = op as { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
      const parameters = operation.parameters ?? [];
      const body = operation.requestBody?.content['application/json']?.schema;
      return {
        method: method as Method,
        template,
        pathNames: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryNames: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: body ? [...new Set(keysOf(body))] : null,
      };
    }),
  );
}

const encodable = (text: string) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

/** Any text (unicode, controls), 1–2,000 characters, percent-encoded as a client would. */
const unicodeText = fc.string({ unit: 'binary', minLength: 1, maxLength: 2_000 }).filter(encodable).map(encodeURIComponent);

/** Pieces that have broken paths before, sent raw: stray and overlong `%`, encoded slashes and dots, NUL, `..`. */
const trickyText = fc
  .array(
    fc.constantFrom(
      '%',
      '%25',
      '%2F',
      '%2f',
      '%5C',
      '..',
      '.',
      '%2e%2e',
      '%C0%AF',
      '%FF',
      '%00',
      '%E0%A4%A',
      '%zz',
      'a',
      '_',
      '-',
      '~',
      '%20',
      '+',
      ';',
      '@',
      ':',
    ),
    {
      minLength: 1,
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

const longName = fc.integer({ min: 200, max: 2_000 }).map((n) => 'n'.repeat(n));

/** A path segment: mostly the real resource (so the route gets past "not found"), else anything. */
export const segmentArb = (known: string) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(encodeURIComponent(known)) },
    { weight: 2, arbitrary: unicodeText },
    { weight: 2, arbitrary: trickyText },
    { weight: 1, arbitrary: longName },
  );

const queryValue = fc.oneof(
  unicodeText,
  trickyText,
  fc.integer().map(String),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '9e15',
    '-9e15',
    '18014398509481984',
    '99999999999999999999',
    'NaN',
    'true',
    'newest',
    'oldest',
    'offset:-1',
    'timestamp:99999999999999999',
    'jsonl',
    'csv',
  ),
);

/** Documented query parameters (and one that is not), each with any value, or absent. */
export const queryArb = (names: string[]) =>
  fc.dictionary(fc.constantFrom(...names, 'unexpected'), queryValue, { maxKeys: names.length + 1 }).map((query) =>
    Object.entries(query)
      .map(([name, value]) => `${name}=${value}`)
      .join('&'),
  );

/** A body: any JSON, an object of the schema's property names with any values, text that is not JSON, or nothing. */
export const bodyArb = (keys: string[]) =>
  fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.jsonValue(), { maxKeys: keys.length || 1 })
      .map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
    fc.constant(''),
  );

/** Whose Origin a write carries: the console's, none, or another site's. */
export const originArb = fc.constantFrom('console', 'console', 'console', 'none', 'foreign');
