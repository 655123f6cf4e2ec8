import { describe, expect, it } from 'vitest';
import { slices } from '@/server/turns';

describe('slices', () => {
  it('cuts in order, the last slice holding the rest', () => {
    expect(slices([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(slices([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(slices([], 3)).toEqual([]);
  });
});
