import { describe, expect, it } from 'vitest';
import { createRepeatFilter } from '@/server/kafka/log';

describe('createRepeatFilter', () => {
  it('prints a line once per window and reports how many repeats it held back', () => {
    let time = 0;
    const filter = createRepeatFilter(60_000, () => time);
    expect(filter('a')).toBe(0);
    time = 1_000;
    expect(filter('a')).toBeNull();
    expect(filter('a')).toBeNull();
    expect(filter('b')).toBe(0);
    time = 61_000;
    expect(filter('a')).toBe(2);
    expect(filter('a')).toBeNull();
  });
});
