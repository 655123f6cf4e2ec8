import 'server-only';
import { RE2JS } from 're2js';
import { ApiError } from '@/lib/errors';
import { FilterSyntaxError, parseFilter, type FilterField, type FilterLiteral, type FilterNode } from '@/lib/schemas/message-filter';

/** What a filter sees of a record: the masked key, value and headers (masking runs first). */
export type FilterTarget = {
  partition: number;
  offset: bigint;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: readonly { key: string; value: Buffer | null }[];
};

export type RecordPredicate = (record: FilterTarget) => boolean;

/** Per record, each part is decoded (and parsed as JSON) at most once, and only when a condition asks for it. */
class Parts {
  private text = new Map<'key' | 'value', string | null>();
  private json = new Map<'key' | 'value', unknown>();
  constructor(readonly record: FilterTarget) {}

  textOf(part: 'key' | 'value'): string | null {
    if (!this.text.has(part)) this.text.set(part, this.record[part]?.toString('utf8') ?? null);
    return this.text.get(part)!;
  }

  jsonOf(part: 'key' | 'value'): unknown {
    if (!this.json.has(part)) {
      const text = this.textOf(part);
      let parsed: unknown = undefined;
      if (text !== null) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined; // not JSON: no field of it exists
        }
      }
      this.json.set(part, parsed);
    }
    return this.json.get(part);
  }
}

/** The field's value: undefined when it does not exist (a path into a non-JSON value, a missing header). */
function resolve(field: FilterField, parts: Parts): unknown {
  const r = parts.record;
  switch (field.root) {
    case 'timestamp':
      return r.timestamp;
    case 'offset':
      return r.offset;
    case 'partition':
      return r.partition;
    case 'keySize':
      return r.key?.length ?? 0;
    case 'valueSize':
      return r.value?.length ?? 0;
    case 'size':
      return (r.key?.length ?? 0) + (r.value?.length ?? 0);
    case 'headers': {
      const header = r.headers.find((h) => h.key === field.path[0]);
      return header === undefined ? undefined : (header.value?.toString('utf8') ?? null);
    }
    case 'key':
    case 'value': {
      if (field.path.length === 0) return parts.textOf(field.root);
      let current = parts.jsonOf(field.root);
      for (const step of field.path) {
        if (current === null || typeof current !== 'object') return undefined;
        if (Array.isArray(current)) {
          const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : -1;
          current = index >= 0 ? current[index] : undefined;
        } else {
          current = Object.hasOwn(current, step) ? (current as Record<string, unknown>)[String(step)] : undefined;
        }
        if (current === undefined) return undefined;
      }
      return current;
    }
  }
}

/** A number the value stands for: numbers, numeric strings, bigints (offsets) and, for timestamps, dates. */
function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return null;
}

function literalNumber(field: FilterField, literal: FilterLiteral): number | null {
  if (field.root === 'timestamp' && typeof literal === 'string') return Date.parse(literal);
  return numeric(literal);
}

function equals(field: FilterField, actual: unknown, literal: FilterLiteral): boolean {
  if (actual === undefined) return false;
  if (literal === null || typeof literal === 'boolean') return actual === literal;
  if (typeof actual === 'bigint' && (typeof literal === 'bigint' || Number.isInteger(literal))) return actual === BigInt(literal);
  const expected = literalNumber(field, literal);
  if (typeof actual === 'number' || typeof actual === 'bigint') return expected !== null && Number(actual) === expected;
  if (typeof actual === 'string') return typeof literal === 'string' ? actual === literal : numeric(actual) === expected;
  return false;
}

function order(field: FilterField, actual: unknown, literal: FilterLiteral): number | null {
  if (typeof actual === 'string' && typeof literal === 'string' && field.root !== 'timestamp')
    return actual < literal ? -1 : actual > literal ? 1 : 0;
  const a = numeric(actual);
  const b = literalNumber(field, literal);
  if (a === null || b === null) return null;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value as text for contains / startsWith / endsWith / matches; JSON objects as their JSON. */
function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function compileRegex(source: string): RE2JS {
  try {
    return RE2JS.compile(source);
  } catch (error) {
    throw new FilterSyntaxError(
      0,
      `the regular expression ${JSON.stringify(source)} is not valid: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function compile(node: FilterNode): (parts: Parts) => boolean {
  switch (node.kind) {
    case 'and': {
      const [left, right] = [compile(node.left), compile(node.right)];
      return (p) => left(p) && right(p);
    }
    case 'or': {
      const [left, right] = [compile(node.left), compile(node.right)];
      return (p) => left(p) || right(p);
    }
    case 'not': {
      const operand = compile(node.operand);
      return (p) => !operand(p);
    }
    case 'exists':
      return (p) => {
        const value = resolve(node.field, p);
        return value !== undefined && value !== null;
      };
    case 'compare': {
      const { field, value: literal, op } = node;
      if (op === '==') return (p) => equals(field, resolve(field, p), literal);
      if (op === '!=') return (p) => !equals(field, resolve(field, p), literal);
      const accept = { '<': (c: number) => c < 0, '<=': (c: number) => c <= 0, '>': (c: number) => c > 0, '>=': (c: number) => c >= 0 }[op];
      return (p) => {
        const c = order(field, resolve(field, p), literal);
        return c !== null && accept(c);
      };
    }
    case 'text': {
      const { field, value: needle, op } = node;
      if (op === 'matches') {
        const regex = compileRegex(needle);
        return (p) => {
          const text = asText(resolve(field, p));
          return text !== null && regex.test(text);
        };
      }
      return (p) => {
        const value = resolve(field, p);
        if (op === 'contains' && Array.isArray(value)) return value.some((item) => item === needle || asText(item) === needle);
        const text = asText(value);
        if (text === null) return false;
        return op === 'contains' ? text.includes(needle) : op === 'startsWith' ? text.startsWith(needle) : text.endsWith(needle);
      };
    }
  }
}

/** The filter as a predicate over records; a syntax error (or an invalid regex) is a 422 on `filter`. */
export function compileFilter(source: string): RecordPredicate {
  try {
    const predicate = compile(parseFilter(source));
    return (record) => predicate(new Parts(record));
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      throw new ApiError('VALIDATION', `The filter is not valid: ${error.message}`, { fieldErrors: { filter: [error.message] } });
    }
    throw error;
  }
}
