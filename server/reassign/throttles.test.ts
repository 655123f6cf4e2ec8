import { describe, expect, it } from 'vitest';
import { mergeThrottleList, removeFromThrottleList, throttledBrokers, topicThrottles } from '@/server/reassign/throttles';

const moves = [
  { topic: 't', partition: 0, before: [1, 2], target: [1, 3] },
  { topic: 't', partition: 10, before: [2, 3], target: [3, 4] },
  { topic: 'u', partition: 1, before: [1, 2], target: [2, 1] }, // reorder only: nothing to copy, no throttle
];

describe('throttles as kafka-reassign-partitions sets them', () => {
  it('throttles the current replicas as leaders and the added ones as followers, per topic', () => {
    expect(topicThrottles(moves)).toEqual([{ topic: 't', leader: ['0:1', '0:2', '10:2', '10:3'], follower: ['0:3', '10:4'] }]);
  });

  it('rates every broker before and after of a partition that copies data', () => {
    expect(throttledBrokers(moves)).toEqual([1, 2, 3, 4]);
  });

  it('merges with what is set, keeps *, and removes only its own entries', () => {
    expect(mergeThrottleList('5:1', ['0:1', '0:2'])).toBe('0:1,0:2,5:1');
    expect(mergeThrottleList(null, ['10:2', '2:1'])).toBe('2:1,10:2');
    expect(mergeThrottleList('*', ['0:1'])).toBe('*');
    expect(removeFromThrottleList('0:1,0:2,5:1', ['0:1', '0:2'])).toBe('5:1');
    expect(removeFromThrottleList('0:1', ['0:1'])).toBeNull();
    expect(removeFromThrottleList('*', ['0:1'])).toBe('*');
  });
});
