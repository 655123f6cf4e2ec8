import { describe, expect, it } from 'vitest';
import { formatAge, formatCount } from '@/lib/format';

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
