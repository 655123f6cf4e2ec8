import 'server-only';
import { createHash } from 'node:crypto';

/**
 * Keys whose values never reach the audit log, at any depth: passwords, secrets, tokens, SASL/JAAS settings,
 * headers carrying credentials, and anything ending in "key" (ssl.key, apiKey). Over-redacting is the safe side.
 */
export const SECRET_KEY = /pass(word)?|secret|token|sasl|jaas|authorization|cookie|credential|key$/i;

export const REDACTED = '[redacted]';
export const MAX_STRING = 500;
export const MAX_ITEMS = 50;
export const MAX_KEYS = 100;
export const MAX_DEPTH = 5;

/**
 * A JSON-safe deep copy of `value` for the audit log: secret keys' values replaced by "[redacted]", strings cut
 * at 500 characters, arrays at 50 items and objects at 100 keys (each with a marker saying how much was cut),
 * nesting cut at depth 5. Never throws and never returns the caller's objects, so cycles and getters are harmless.
 */
export function redactSummary(value: unknown): unknown {
  return copy(value, 0);
}

/** `redactSummary` for the summary column, which holds an object: anything else is wrapped as `{ value }`. */
export function redactSummaryObject(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  const copied = redactSummary(value);
  return isRecord(copied) ? copied : { value: copied };
}

function copy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return toStorableText(
        value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… [${value.length - MAX_STRING} more characters]` : value,
      );
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      return value === null ? null : copyObject(value, depth);
    default:
      // undefined, functions and symbols have no JSON form.
      return undefined;
  }
}

function copyObject(value: object, depth: number): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => copy(item, depth + 1) ?? null);
    if (value.length > MAX_ITEMS) items.push(`[${value.length - MAX_ITEMS} more items]`);
    return items;
  }
  if (value instanceof Map) return copyObject(Object.fromEntries(value), depth);
  if (value instanceof Set) return copyObject([...value], depth);
  if (value instanceof Error) return copyObject({ name: value.name, message: value.message }, depth);
  const result: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (const key of keys.slice(0, MAX_KEYS)) {
    if (SECRET_KEY.test(key)) {
      result[toStorableText(key)] = REDACTED;
      continue;
    }
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      item = '[unreadable]';
    }
    const copied = copy(item, depth + 1);
    if (copied !== undefined) result[toStorableText(key)] = copied;
  }
  if (keys.length > MAX_KEYS) result['…'] = `[${keys.length - MAX_KEYS} more keys]`;
  return result;
}

/**
 * Text PostgreSQL accepts: text and jsonb reject NUL (U+0000), and jsonb rejects lone UTF-16 surrogates (which
 * cutting a string can leave). Either would make the audit write fail, and so refuse the change it records.
 */
export function toStorableText(text: string): string {
  return text.toWellFormed().replace(/\u0000/g, '\uFFFD');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value cut to fit its column: a record must never fail on length (a refusal would go unrecorded). The cut keeps
 * the start and marks it with a hash of the whole, so two long values can still be told apart and matched.
 */
export function fitText(text: string, max: number): string {
  const storable = toStorableText(text);
  if (storable.length <= max) return storable;
  const marker = `…[${storable.length} chars, sha256 ${createHash('sha256').update(storable).digest('hex').slice(0, 16)}]`;
  return `${storable.slice(0, Math.max(0, max - marker.length))}${marker}`.slice(0, max);
}
