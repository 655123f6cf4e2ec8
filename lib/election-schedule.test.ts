import { describe, expect, it } from 'vitest';
import { describeInterval, describeRun, describeScope } from '@/lib/election-schedule';

describe('election schedule in words', () => {
  it('names the offered intervals and prints others in minutes', () => {
    expect(describeInterval(360)).toBe('every 6 hours');
    expect(describeInterval(10_080)).toBe('every week');
    expect(describeInterval(90)).toBe('every 90 minutes');
  });
  it('says what is elected', () => {
    expect(describeScope({})).toBe('the whole cluster');
    expect(describeScope({ topics: ['a', 'b'] })).toBe('topics a, b');
    expect(describeScope({ topics: ['a'], brokers: [3] })).toBe('topics a and partitions preferring broker 3');
    expect(describeScope({ brokers: [1, 2] })).toBe('partitions preferring brokers 1, 2');
  });
  it('says what a run did, or why it did not', () => {
    expect(describeRun({ elected: 1, alreadyPreferred: 1_200, failed: 0 })).toBe('1 leader moved, 1,200 already preferred');
    expect(describeRun({ elected: 3, alreadyPreferred: 0, failed: 2 })).toBe('3 leaders moved, 0 already preferred, 2 failed');
    expect(describeRun({ elected: 0, alreadyPreferred: 0, failed: 0, skipped: 'a reassignment is moving partitions' })).toBe(
      'skipped: a reassignment is moving partitions',
    );
    expect(describeRun({ elected: 0, alreadyPreferred: 0, failed: 0, error: 'Kafka is unavailable' })).toBe('failed: Kafka is unavailable');
  });
});
