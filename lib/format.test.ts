import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes, formatCount, formatDuration, formatInt64, formatPercent } from '@/lib/format';

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

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-20, '0 s'],
    [Number.NaN, '0 s'],
    [300, '< 1 s'],
    [600, '1 s'],
    [42_000, '42 s'],
    [59_600, '1 min'],
    [185_000, '3 min 5 s'],
    [3_600_000, '1 h'],
    [3_660_000, '1 h 1 min'],
    [3_605_000, '1 h'],
    [2 * 3_600_000 + 14 * 60_000 + 59_000, '2 h 14 min'],
    [3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000, '3 d 4 h'],
    [400 * 86_400_000, '400 d'],
    [1_500 * 86_400_000, '1,500 d'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
