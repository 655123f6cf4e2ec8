import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes, formatCount, formatInt64, formatPercent } from '@/lib/format';

describe('formatAge', () => {
  const now = Date.UTC(2026, 0, 2, 12, 0, 0);
  it.each([
    [now, 'just now'],
    [now - 12_000, '12 s ago'],
    [now - 3 * 60_000, '3 min ago'],
    [now - 2 * 3_600_000, '2 h ago'],
    [now - 3 * 86_400_000, '2025-12-30'],
    [now + 5_000, 'just now'],
  ])('%d → %s', (then, text) => expect(formatAge(then, now)).toBe(text));
});

describe('formatCount', () => {
  it('groups thousands', () => expect(formatCount(1234567)).toBe('1,234,567'));
});

describe('formatInt64', () => {
  it('groups thousands', () => expect(formatInt64('1234567')).toBe('1,234,567'));
  it('stays exact past 2^53', () => expect(formatInt64('9223372036854775807')).toBe('9,223,372,036,854,775,807'));
  it('takes a bigint', () => expect(formatInt64(-42n)).toBe('-42'));
});

describe('formatBytes', () => {
  it.each([
    ['0', '0 B'],
    ['1023', '1,023 B'],
    ['1024', '1.0 KiB'],
    ['1536', '1.5 KiB'],
    [String(12.34 * 1024 ** 2), '12.3 MiB'],
    [String(512 * 1024 ** 3), '512 GiB'],
    [String(1024 ** 2 - 1), '1.0 MiB'],
    [String(3 * 1024 ** 4), '3.0 TiB'],
    ['9223372036854775807', '8.0 EiB'],
  ])('%s → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
  it('takes numbers and bigints', () => {
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(2048n)).toBe('2.0 KiB');
  });
});

describe('formatPercent', () => {
  it.each([
    [100, '100%'],
    [66.7, '66.7%'],
    [0, '0%'],
    [33.33, '33.3%'],
  ])('%d → %s', (value, text) => expect(formatPercent(value)).toBe(text));
});
