import { describe, expect, it } from 'vitest';
import { globMatches } from '@/server/glob';

describe('globMatches', () => {
  it('matches * and ? over the whole name', () => {
    expect(globMatches('payments.*', 'payments.eu')).toBe(true);
    expect(globMatches('payments.*', 'payments')).toBe(false);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('a?c', 'abc')).toBe(true);
    expect(globMatches('a?c', 'ac')).toBe(false);
    expect(globMatches('*.dlq', 'orders.v2.dlq')).toBe(true);
    expect(globMatches('orders', 'orders.v2')).toBe(false);
  });

  it('stays fast on patterns that make backtracking regexes explode', () => {
    const started = performance.now();
    expect(globMatches('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('rule scopes (alerts)', () => {
  it.each([
    ['orders-*', 'orders-fulfilment', true],
    ['orders-*', 'orders-', true],
    ['orders-*', 'my-orders-x', false],
    ['*-archiver', 'orders-archiver', true],
    ['group-?', 'group-1', true],
    ['group-?', 'group-12', false],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['Orders', 'orders', false],
    ['(x)[y]{z}+^$|\\', '(x)[y]{z}+^$|\\', true],
    ['*', 'line\nbreak', true],
  ])('%s ~ %j → %s', async (pattern, name, expected) => {
    const { globMatches } = await import('@/server/glob');
    expect(globMatches(pattern, name)).toBe(expected);
  });

  it('matches everything without a pattern; a pattern of 17 stars against a long id answers at once', async () => {
    const { matchesPattern } = await import('@/server/glob');
    expect(matchesPattern(undefined, 'anything')).toBe(true);
    expect(matchesPattern('x*', 'y')).toBe(false);
    const started = performance.now();
    expect(matchesPattern(`${'*a'.repeat(17)}b`, 'a'.repeat(10_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a rule pattern with more than 8 wildcards', async () => {
    const { namePatternSchema } = await import('@/lib/schemas/alerts');
    expect(namePatternSchema.safeParse('*'.repeat(8)).success).toBe(true);
    expect(namePatternSchema.safeParse('*a'.repeat(17)).success).toBe(false);
  });
});
