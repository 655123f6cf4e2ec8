import { describe, expect, it } from 'vitest';
import { canonicalLabels, parseLabels } from '@/server/metrics/labels';

describe('metric labels', () => {
  it('is empty text for no labels', () => {
    expect(canonicalLabels(undefined)).toBe('');
    expect(canonicalLabels({})).toBe('');
    expect(parseLabels('')).toBeUndefined();
  });

  it('sorts keys, so the same labels always give the same text', () => {
    expect(canonicalLabels({ topic: 'orders', partition: '1' })).toBe('{"partition":"1","topic":"orders"}');
    expect(canonicalLabels({ partition: '1', topic: 'orders' })).toBe(canonicalLabels({ topic: 'orders', partition: '1' }));
  });

  it('round-trips awkward text', () => {
    const labels = { topic: 'a"b\\c,{}', ключ: 'значение' };
    expect(parseLabels(canonicalLabels(labels))).toEqual(labels);
  });

  it('refuses stored text that is not an object', () => {
    expect(() => parseLabels('[1]')).toThrow(/not an object/);
  });
});
