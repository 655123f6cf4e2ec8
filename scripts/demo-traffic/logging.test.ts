import { describe, expect, it } from 'vitest';
import { isExpectedNoise } from './logging';

describe('isExpectedNoise', () => {
  it('drops the errors kafkajs logs during deliberate rebalances and group start-up', () => {
    expect(isExpectedNoise('[Runner] The group is rebalancing, re-joining')).toBe(true);
    expect(isExpectedNoise('Response Heartbeat(key: 12, version: 3): REBALANCE_IN_PROGRESS')).toBe(true);
    expect(isExpectedNoise('Response GroupCoordinator(key: 10, version: 2): The group coordinator is not available')).toBe(true);
  });

  it('keeps everything else', () => {
    expect(isExpectedNoise('Connection error: connect ECONNREFUSED 127.0.0.1:9092')).toBe(false);
    expect(isExpectedNoise('Response Produce(key: 0, version: 7): NOT_ENOUGH_REPLICAS')).toBe(false);
  });
});
