import { describe, expect, it } from 'vitest';
import { copyTimeMs, formatRate, throttleFormFrom, throttleFromForm, toBytesPerSec } from '@/lib/throttle-rate';

describe('toBytesPerSec', () => {
  it.each([
    ['10', 'MiB/s', 10_485_760],
    [' 2.5 ', 'KiB/s', 2_560],
    ['1', 'GiB/s', 1_073_741_824],
    ['0.001', 'KiB/s', 1],
  ] as const)('%s %s → %d bytes/s', (amount, unit, value) => expect(toBytesPerSec(amount, unit)).toEqual({ value }));

  it('refuses what is not a positive amount', () => {
    for (const amount of ['', 'ten', '-1', '1e3', '1,5'])
      expect(toBytesPerSec(amount, 'MiB/s')).toEqual({ error: 'A positive number, e.g. 10 or 2.5' });
    expect(toBytesPerSec('0', 'MiB/s')).toEqual({ error: 'At least 1 byte/s' });
    expect(toBytesPerSec('99999999999', 'GiB/s')).toEqual({ error: 'Too large' });
  });
});

describe('throttleFromForm', () => {
  it('null when off, whatever is typed', () =>
    expect(throttleFromForm({ enabled: false, amount: 'x', unit: 'MiB/s' })).toEqual({ value: null }));
  it('bytes/s when on', () => expect(throttleFromForm({ enabled: true, amount: '50', unit: 'MiB/s' })).toEqual({ value: 52_428_800 }));
});

describe('throttleFormFrom', () => {
  it('the largest unit the rate is at least 1 of', () => {
    expect(throttleFormFrom(10_485_760)).toEqual({ enabled: true, amount: '10', unit: 'MiB/s' });
    expect(throttleFormFrom(1_536)).toEqual({ enabled: true, amount: '1.5', unit: 'KiB/s' });
    expect(throttleFormFrom(2 * 1024 ** 3)).toEqual({ enabled: true, amount: '2', unit: 'GiB/s' });
    expect(throttleFormFrom(100)).toEqual({ enabled: true, amount: '0.098', unit: 'KiB/s' });
  });
  it('off for no throttle, with a default to switch on', () =>
    expect(throttleFormFrom(null)).toEqual({ enabled: false, amount: '10', unit: 'MiB/s' }));
  it('round-trips', () => {
    const form = throttleFormFrom(52_428_800);
    expect(toBytesPerSec(form.amount, form.unit)).toEqual({ value: 52_428_800 });
  });
});

describe('formatRate and copyTimeMs', () => {
  it('formats bytes/s', () => expect(formatRate(10_485_760)).toBe('10.0 MiB/s'));
  it('the time to copy at a rate', () => {
    expect(copyTimeMs('104857600', 10_485_760)).toBe(10_000);
    expect(copyTimeMs(0n, 1)).toBe(0);
    expect(copyTimeMs('1', null)).toBeNull();
  });
});
