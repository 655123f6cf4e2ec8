import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatInt64,
  formatMetric,
  formatMetricTick,
  formatPercent,
  formatTimeTick,
} from '@/lib/format';

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

describe('formatMetric', () => {
  it.each([
    [1234.4, 'msg/s', '1,234 msg/s'],
    [12.345, 'msg/s', '12.3 msg/s'],
    [0.25, 'msg/s', '0.25 msg/s'],
    [0, 'msg/s', '0 msg/s'],
    [1536, 'B/s', '1.5 KiB/s'],
    [5 * 1024 ** 2, 'B/s', '5.0 MiB/s'],
    [3 * 1024 ** 3, 'B', '3.0 GiB'],
    [1234567, 'msg', '1,234,567 msg'],
    [65, 's', '1 min 5 s'],
    [0.2, 's', '< 1 s'],
    [7, 'widgets', '7 widgets'],
  ])('%d %s → %s', (value, unit, text) => expect(formatMetric(value, unit)).toBe(text));
});

describe('formatMetricTick', () => {
  it.each([
    [1200, 'msg/s', '1.2K'],
    [2_500_000, 'msg', '2.5M'],
    [0.5, 'msg/s', '0.5'],
    [512 * 1024, 'B/s', '512 KiB'],
    [300, 's', '5 min'],
    [225, 's', '3.8 min'],
    [12.34, 's', '12.3 s'],
    [5_400, 's', '1.5 h'],
    [2 * 86_400, 's', '2 d'],
  ])('%d %s → %s', (value, unit, text) => expect(formatMetricTick(value, unit)).toBe(text));
});

describe('formatTimeTick', () => {
  const t = Date.UTC(2026, 2, 14, 9, 5, 30);
  it('shows the time of day up to a day', () => {
    expect(formatTimeTick(t, 3_600_000, 'UTC')).toBe('09:05');
    expect(formatTimeTick(t, 86_400_000, 'UTC')).toBe('09:05');
  });
  it('shows the date beyond a day', () => expect(formatTimeTick(t, 7 * 86_400_000, 'UTC')).toBe('Mar 14'));
  it('formats a tooltip time to the second', () => expect(formatDateTime(t, 'UTC')).toBe('Mar 14, 09:05:30'));
});
