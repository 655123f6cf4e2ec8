import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseFilter } from '@/lib/schemas/message-filter';

const error = (source: string) => {
  try {
    parseFilter(source);
  } catch (e) {
    if (e instanceof FilterSyntaxError) return e.message;
    throw e;
  }
  return null;
};

describe('parseFilter', () => {
  it('parses fields with JSON paths, header names, literals and the operators, and binds not > and > or', () => {
    expect(
      parseFilter('value.order["total amount"][0] >= 10.5 and headers["content-type"] == "json" or not key startsWith \'u-\''),
    ).toEqual({
      kind: 'or',
      left: {
        kind: 'and',
        left: { kind: 'compare', op: '>=', field: { root: 'value', path: ['order', 'total amount', 0] }, value: 10.5 },
        right: { kind: 'compare', op: '==', field: { root: 'headers', path: ['content-type'] }, value: 'json' },
      },
      right: { kind: 'not', operand: { kind: 'text', op: 'startsWith', field: { root: 'key', path: [] }, value: 'u-' } },
    });
    expect(parseFilter('exists(value.a) && (offset < -1 || value.b != null)')).toMatchObject({ kind: 'and', right: { kind: 'or' } });
    expect(parseFilter('VALUE MATCHES "a\\"b\\u0041"')).toEqual({
      kind: 'text',
      op: 'matches',
      field: { root: 'value', path: [] },
      value: 'a"bA',
    });
    expect(parseFilter('timestamp >= "2026-12-01T00:00:00Z"')).toMatchObject({ kind: 'compare', value: '2026-12-01T00:00:00Z' });
  });

  it('says where and what is wrong', () => {
    expect(error('value = 1')).toBe('at 7: use == to compare');
    expect(error('valu == 1')).toMatch(/^at 1: expected a field/);
    expect(error('value ==')).toMatch(/^at 9: expected a value/);
    expect(error('(value == 1')).toBe('at 12: expected a closing )');
    expect(error('value == "x')).toBe('at 10: a string is not closed');
    expect(error('headers == "x"')).toMatch(/name one header/);
    expect(error('offset.x == 1')).toMatch(/offset has no fields/);
    expect(error('partition > "a"')).toMatch(/compares with a number/);
    expect(error('timestamp > "yesterday"')).toMatch(/not a date/);
    expect(error('value contains 3')).toMatch(/takes a string/);
    expect(error('value == 1 value == 2')).toMatch(/expected and, or/);
    expect(error('   ')).toBe('at 1: the filter is empty');
    expect(error('not '.repeat(40) + 'value == 1')).toMatch(/nested more than 32/);
    expect(error(Array.from({ length: 17 }, () => 'value matches "a"').join(' or '))).toMatch(/at most 16 regular/);
    expect(error('x'.repeat(2_001))).toMatch(/at most 2000 characters/);
  });

  it('never throws anything but a FilterSyntaxError, and stays fast, on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (source) => {
        const started = performance.now();
        try {
          parseFilter(source);
        } catch (e) {
          expect(e).toBeInstanceOf(FilterSyntaxError);
        }
        expect(performance.now() - started).toBeLessThan(50);
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});
