import { describe, expect, it } from 'vitest';
import { toAddPartitionsInput } from '@/lib/add-partitions-form';

describe('toAddPartitionsInput', () => {
  it('a new total above the current count', () => {
    expect(toAddPartitionsInput(' 4 ', 3)).toEqual({ input: { totalCount: 4 } });
  });

  it('refuses the same or a lower count, and anything not a whole number', () => {
    expect(toAddPartitionsInput('3', 3)).toEqual({ error: 'At least 4: the topic has 3, and Kafka cannot remove partitions' });
    expect(toAddPartitionsInput('1', 3)).toEqual({ error: expect.stringMatching(/At least 4/) });
    expect(toAddPartitionsInput('4.5', 3)).toEqual({ error: 'A whole number' });
    expect(toAddPartitionsInput('', 3)).toEqual({ error: 'A whole number' });
    expect(toAddPartitionsInput('9999999999', 3)).toEqual({ error: 'At most 2147483647' });
  });
});
