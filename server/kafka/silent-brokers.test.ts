import { describe, expect, it } from 'vitest';
import { SilentBrokers } from '@/server/kafka/silent-brokers';

describe('silent brokers', () => {
  const list = ['b1:9092', 'b2:9092', 'b3:9092'];

  it('leaves a broker that timed out out of the bootstrap list until it answers or the quiet period ends', () => {
    const silent = new SilentBrokers(30_000);
    silent.timedOut('b1:9092', 1_000);
    expect(silent.bootstrap(list, 2_000)).toEqual(['b2:9092', 'b3:9092']);
    expect(silent.isSilent('b1:9092', 30_999)).toBe(true);
    expect(silent.bootstrap(list, 31_000)).toEqual(list);
    silent.timedOut('b2:9092', 40_000);
    silent.answered('b2:9092');
    expect(silent.bootstrap(list, 40_001)).toEqual(list);
  });

  it('keeps the whole list when every broker is silent: something must be tried', () => {
    const silent = new SilentBrokers(30_000);
    for (const address of list) silent.timedOut(address, 0);
    expect(silent.bootstrap(list, 1)).toEqual(list);
  });
});
