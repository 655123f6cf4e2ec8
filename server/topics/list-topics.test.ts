import { describe, expect, it } from 'vitest';
import type { TopicSummary } from '@/lib/schemas/topics';
import { selectTopics } from '@/server/topics/list-topics';

const topic = (name: string, messageCount: string, sizeBytes: string | null): TopicSummary => ({
  name,
  internal: false,
  partitionCount: 1,
  replicationFactor: 1,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
  underMinIsrPartitions: 0,
  messageCount,
  sizeBytes,
  preferredPercent: 100,
  spreadPercent: 100,
  skewPercent: 0,
  leaderSkewPercent: 0,
});

const names = (all: readonly TopicSummary[], sort: string) => selectTopics(all, { sort, offset: 0 }).topics.map((t) => t.name);

describe('selectTopics', () => {
  const all = [
    topic('a', '9', '100'),
    topic('b', '10', null),
    topic('c', '-2', '9007199254740993'),
    topic('d', '18446744073709551616', '0'),
    topic('e', '9', '99'),
  ];

  it('sorts decimal-string fields by value, not as text (beyond 2^53, negatives; ties by name)', () => {
    expect(names(all, 'messageCount')).toEqual(['c', 'a', 'e', 'b', 'd']);
    expect(names(all, '-messageCount')).toEqual(['d', 'b', 'a', 'e', 'c']);
  });

  it('puts unknown sizes first ascending', () => {
    expect(names(all, 'sizeBytes')).toEqual(['b', 'd', 'e', 'a', 'c']);
  });

  it('never reorders the shared list it is given', () => {
    const shared = Object.freeze([...all]);
    expect(names(shared, '-name')).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(shared.map((t) => t.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
