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
