import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesPattern } from '@/server/alerts/glob';

describe('name patterns', () => {
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
  ])('%s ~ %j → %s', (pattern, name, expected) => expect(globToRegExp(pattern).test(name)).toBe(expected));

  it('matches everything without a pattern', () => {
    expect(matchesPattern(undefined, 'anything')).toBe(true);
    expect(matchesPattern('x*', 'y')).toBe(false);
  });
});
