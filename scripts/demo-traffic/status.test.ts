import { describe, expect, it } from 'vitest';
import { createCounter, formatStatus, total } from './status';

describe('createCounter', () => {
  it('starts known names at zero, adds up, and hands out copies', () => {
    const counter = createCounter(['a', 'b']);
    counter.add('a', 3);
    counter.add('a', 2);
    counter.add('c', 1);
    const snap = counter.snapshot();
    expect(snap).toEqual({ a: 5, b: 0, c: 1 });
    counter.add('a', 1);
    expect(snap.a).toBe(5);
    expect(total(counter.snapshot())).toBe(7);
  });
});

describe('formatStatus', () => {
  it('shows totals since start and rates over the last interval', () => {
    const line = formatStatus({
      elapsedSec: 30.4,
      intervalSec: 10,
      produced: { orders: 240, clickstream: 900 },
      previous: { orders: 160, clickstream: 500 },
      consumed: { 'orders-fulfilment': 238 },
      note: '1 member',
    });
    expect(line).toBe(
      '[demo-traffic +30s] produced 1140 (48.0/s): orders 240 (8.0/s), clickstream 900 (40.0/s) | consumed: orders-fulfilment 238 | 1 member',
    );
  });

  it('copes with a first interval and nothing consumed yet', () => {
    const line = formatStatus({ elapsedSec: 0, intervalSec: 0, produced: { orders: 0 }, previous: {}, consumed: {} });
    expect(line).toContain('produced 0 (0.0/s)');
    expect(line).toContain('consumed: nothing yet');
  });
});
