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
    silent.answered('b2:9092', 40_001);
    expect(silent.bootstrap(list, 40_002)).toEqual(['b2:9092', 'b1:9092', 'b3:9092']);
  });

  it('puts the broker that answered last first: kafkajs bootstraps from the first, and an expired silence proves nothing', () => {
    const silent = new SilentBrokers(30_000);
    silent.answered('b3:9092', 1_000);
    silent.answered('b2:9092', 2_000);
    silent.timedOut('b1:9092', 3_000);
    expect(silent.bootstrap(list, 4_000)).toEqual(['b2:9092', 'b3:9092']);
    // b1's quiet period is over: it may be tried, but after the brokers known to answer.
    expect(silent.bootstrap(list, 40_000)).toEqual(['b2:9092', 'b3:9092', 'b1:9092']);
  });

  it('keeps the whole list when every broker is silent: something must be tried', () => {
    const silent = new SilentBrokers(30_000);
    for (const address of list) silent.timedOut(address, 0);
    expect(silent.bootstrap(list, 1)).toEqual(list);
  });

  it('a forwarded-requests view reads what was learnt, and its own timeouts mark nobody (the controller was silent)', () => {
    const silent = new SilentBrokers(30_000);
    const forwarded = silent.forForwardedRequests();
    silent.timedOut('b1:9092', 1_000);
    expect(forwarded.bootstrap(list, 2_000)).toEqual(['b2:9092', 'b3:9092']);
    forwarded.timedOut('b2:9092', 2_000);
    expect(silent.isSilent('b2:9092', 2_001)).toBe(false);
    expect(forwarded.isSilent('b2:9092', 2_001)).toBe(false);
    forwarded.answered('b1:9092', 2_002);
    expect(silent.isSilent('b1:9092', 2_003)).toBe(false);
  });
});
