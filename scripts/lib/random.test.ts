import { describe, expect, it } from 'vitest';
import { createRng, hexId, intBetween, pick, weighted } from './random';

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = createRng(7);
    const values = Array.from({ length: 10_000 }, rng);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
  });
});

describe('helpers', () => {
  it('intBetween covers both inclusive ends and nothing outside', () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 2000 }, () => intBetween(rng, 3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('weighted follows the weights', () => {
    const rng = createRng(2);
    const draws = Array.from({ length: 10_000 }, () =>
      weighted(rng, [
        ['a', 9],
        ['b', 1],
      ] as const),
    );
    const share = draws.filter((d) => d === 'b').length / draws.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
  });

  it('pick and weighted reject empty lists', () => {
    expect(() => pick(createRng(1), [])).toThrow(/non-empty/);
    expect(() => weighted(createRng(1), [])).toThrow(/non-empty/);
  });

  it('hexId has the requested length and only hex digits', () => {
    expect(hexId(createRng(3), 12)).toMatch(/^[0-9a-f]{12}$/);
  });
});
