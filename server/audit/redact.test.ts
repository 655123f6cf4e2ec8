import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_ITEMS, MAX_STRING, REDACTED, redactSummary, redactSummaryObject, toStorableText } from '@/server/audit/redact';

describe('redactSummary', () => {
  it('redacts secret keys at any depth, whatever their value', () => {
    const input = {
      name: 'orders',
      password: 'hunter2',
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
      cluster: { ssl: { key: 'PEM', ca: 'CA' }, saslJaasConfig: 'org.apache…' },
      headers: [{ Authorization: 'Bearer abc', Cookie: 'sid=1', accept: 'json' }],
      apiKey: 42,
      clientSecret: null,
      refresh_token: { nested: true },
      Credentials: ['a'],
      passwd: 'x',
      keyword: 'kept',
    };
    expect(redactSummary(input)).toEqual({
      name: 'orders',
      password: REDACTED,
      sasl: REDACTED,
      cluster: { ssl: { key: REDACTED, ca: 'CA' }, saslJaasConfig: REDACTED },
      headers: [{ Authorization: REDACTED, Cookie: REDACTED, accept: 'json' }],
      apiKey: REDACTED,
      clientSecret: REDACTED,
      refresh_token: REDACTED,
      Credentials: REDACTED,
      passwd: REDACTED,
      keyword: 'kept',
    });
  });

  it('returns a deep copy and leaves the input untouched', () => {
    const input = { config: { 'retention.ms': '1000', password: 'p' }, list: [1, 2] };
    const output = redactSummary(input) as typeof input;
    expect(output).not.toBe(input);
    expect(output.config).not.toBe(input.config);
    expect(output.list).not.toBe(input.list);
    expect(input.config.password).toBe('p');
  });

  it('cuts long strings, long arrays and deep nesting, saying how much was cut', () => {
    const long = 'x'.repeat(MAX_STRING + 20);
    expect(redactSummary(long)).toBe(`${'x'.repeat(MAX_STRING)}… [20 more characters]`);
    const items = redactSummary(Array.from({ length: MAX_ITEMS + 7 }, (_, i) => i)) as unknown[];
    expect(items).toHaveLength(MAX_ITEMS + 1);
    expect(items.at(-1)).toBe('[7 more items]');
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    expect(redactSummary(deep)).toEqual({ a: { b: { c: { d: { e: '[too deep]' } } } } });
    expect(MAX_DEPTH).toBe(5);
    const wide = Object.fromEntries(Array.from({ length: 105 }, (_, i) => [`k${i}`, i]));
    const cut = redactSummary(wide) as Record<string, unknown>;
    expect(Object.keys(cut)).toHaveLength(101);
    expect(cut['…']).toBe('[5 more keys]');
  });

  it('survives cycles and throwing getters', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(() => JSON.stringify(redactSummary(cyclic))).not.toThrow();
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(redactSummary(getter)).toEqual({ boom: '[unreadable]' });
  });

  it('turns values without a JSON form into JSON-safe ones', () => {
    expect(
      redactSummary({
        big: 2n ** 70n,
        date: new Date(0),
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        fn: () => 1,
        undef: undefined,
        sym: Symbol('s'),
        bytes: new Uint8Array(3),
        map: new Map<string, unknown>([
          ['a', 1],
          ['token', 'x'],
        ]),
        set: new Set(['a']),
        error: new Error('failed'),
        sparse: [undefined, () => 1],
      }),
    ).toEqual({
      big: '1180591620717411303424',
      date: '1970-01-01T00:00:00.000Z',
      nan: 'NaN',
      inf: 'Infinity',
      bytes: '[3 bytes]',
      map: { a: 1, token: REDACTED },
      set: ['a'],
      error: { name: 'Error', message: 'failed' },
      sparse: [null, null],
    });
  });

  it('makes text PostgreSQL stores: no NUL, no lone surrogate (even one left by cutting)', () => {
    expect(toStorableText('a\u0000b')).toBe('a\uFFFDb');
    expect(toStorableText('\uD83D')).toBe('\uFFFD');
    expect(toStorableText('ok 😀')).toBe('ok 😀');
    const cutInsideEmoji = `${'x'.repeat(MAX_STRING - 1)}😀`;
    const output = redactSummary(cutInsideEmoji) as string;
    expect(output.isWellFormed()).toBe(true);
    expect(redactSummary({ 'k\u0000': 'v\u0000' })).toEqual({ 'k\uFFFD': 'v\uFFFD' });
  });
});

describe('redactSummaryObject', () => {
  it('gives the summary column an object', () => {
    expect(redactSummaryObject(undefined)).toEqual({});
    expect(redactSummaryObject(null)).toEqual({});
    expect(redactSummaryObject({ token: 't' })).toEqual({ token: REDACTED });
    expect(redactSummaryObject(['a'])).toEqual({ value: ['a'] });
    expect(redactSummaryObject('text')).toEqual({ value: 'text' });
  });
});
