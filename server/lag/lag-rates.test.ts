import { describe, expect, it } from 'vitest';
import type { WindowEntry } from '@/server/lag/burrow-status';
import { etaMs, windowRates } from '@/server/lag/lag-rates';

const entry = (time: number, hwm: number, committed: number): WindowEntry => ({ time, hwm, committed, commitTime: time, commitHwm: hwm });

describe('windowRates', () => {
  it('is Δcommitted/Δt and ΔHWM/Δt in records a second, oldest to newest sample', () => {
    expect(windowRates([entry(0, 100, 0), entry(5_000, 150, 40), entry(10_000, 200, 100)])).toEqual({ consumeRate: 10, produceRate: 10 });
  });

  it('skips unknown values and needs two samples at different times', () => {
    expect(windowRates([entry(0, Number.NaN, Number.NaN), entry(2_000, 100, 10), entry(4_000, Number.NaN, 30)])).toEqual({
      consumeRate: 10,
      produceRate: null,
    });
    expect(windowRates([entry(0, 100, 10)])).toEqual({ consumeRate: null, produceRate: null });
    expect(windowRates([])).toEqual({ consumeRate: null, produceRate: null });
  });

  it('is negative after a rewind', () => {
    expect(windowRates([entry(0, 100, 100), entry(10_000, 100, 0)]).consumeRate).toBe(-10);
  });
});

describe('etaMs', () => {
  it('is lag ÷ (consume − produce) when the group gains on the log', () => {
    expect(etaMs(1_000, { consumeRate: 30, produceRate: 10 })).toBe(50_000);
  });

  it('is null when not catching up or a rate is unknown', () => {
    expect(etaMs(1_000, { consumeRate: 10, produceRate: 10 })).toBeNull();
    expect(etaMs(1_000, { consumeRate: 0, produceRate: 5 })).toBeNull();
    expect(etaMs(1_000, { consumeRate: null, produceRate: 5 })).toBeNull();
    expect(etaMs(null, { consumeRate: 30, produceRate: 10 })).toBeNull();
  });

  it('is 0 without lag (negative lag included)', () => {
    expect(etaMs(0, { consumeRate: null, produceRate: null })).toBe(0);
    expect(etaMs(-5, { consumeRate: 1, produceRate: 2 })).toBe(0);
  });
});
