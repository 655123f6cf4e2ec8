import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/errors';
import { compileFilter, type FilterTarget } from '@/server/messages/filter';

const record = (over: Partial<FilterTarget> & { v?: unknown; k?: string | null }): FilterTarget => ({
  partition: 3,
  offset: 9_007_199_254_740_993n,
  timestamp: Date.parse('2026-12-01T10:00:00Z'),
  key: over.k === undefined ? Buffer.from('user-42') : over.k === null ? null : Buffer.from(over.k),
  value: over.v === undefined ? null : Buffer.from(typeof over.v === 'string' ? over.v : JSON.stringify(over.v)),
  headers: [
    { key: 'source', value: Buffer.from('web') },
    { key: 'source', value: Buffer.from('second') },
    { key: 'none', value: null },
  ],
  ...over,
});

const matches = (filter: string, r: FilterTarget) => compileFilter(filter)(r);

describe('compileFilter', () => {
  const order = record({ v: { order: { total: 120.5, id: '0042', tags: ['vip', 'eu'], 'odd key': true, none: null } } });

  it('compares JSON fields by type, with numeric strings as numbers', () => {
    expect(matches('value.order.total > 100', order)).toBe(true);
    expect(matches('value.order.total > 200', order)).toBe(false);
    expect(matches('value.order.id == 42', order)).toBe(true);
    expect(matches('value.order.id == "0042"', order)).toBe(true);
    expect(matches('value.order["odd key"] == true', order)).toBe(true);
    expect(matches('value.order.none == null', order)).toBe(true);
    expect(matches('value.order.tags[1] == "eu"', order)).toBe(true);
    expect(matches('value.order.tags contains "vip"', order)).toBe(true);
    expect(matches('value.order.tags contains "vi"', order)).toBe(false);
    expect(matches('value.order.missing == 1', order)).toBe(false);
    expect(matches('value.order.missing != 1', order)).toBe(true);
    expect(matches('exists(value.order.id) and not exists(value.order.none)', order)).toBe(true);
  });

  it('reads text, headers (the first of repeated ones) and the record fields', () => {
    const text = record({ v: 'Connection REFUSED by peer' });
    expect(matches('value contains "REFUSED"', text)).toBe(true);
    expect(matches('value matches "(?i)refused|timeout"', text)).toBe(true);
    expect(matches('value.anything == 1', text)).toBe(false);
    expect(matches('key startsWith "user-" and key endsWith "42"', text)).toBe(true);
    expect(matches('headers.source == "web"', text)).toBe(true);
    expect(matches('headers.none == null and not exists(headers.none) and not exists(headers.absent)', text)).toBe(true);
    expect(matches('partition == 3 and offset == 9007199254740993', text)).toBe(true);
    expect(matches('offset == 9007199254740992', text)).toBe(false);
    expect(matches('timestamp >= "2026-12-01T09:59:59Z" and timestamp < "2026-12-01T10:00:01Z"', text)).toBe(true);
    expect(matches('size == 33 and keySize == 7 and valueSize == 26', text)).toBe(true);
    expect(matches('exists(key)', record({ k: null }))).toBe(false);
  });

  it('runs regexes in linear time: a pattern that makes backtracking engines hang answers at once', () => {
    const evil = record({ v: 'a'.repeat(100_000) + '!' });
    const started = performance.now();
    expect(matches('value matches "^(a+)+$"', evil)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses syntax errors and invalid regexes as 422 on the filter field', () => {
    for (const bad of ['value ==', 'value matches "(unclosed"']) {
      try {
        compileFilter(bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        expect((e as ApiError).status).toBe(422);
        expect((e as ApiError).fieldErrors?.filter?.[0]).toBeTruthy();
      }
    }
  });
});
