import { describe, expect, it } from 'vitest';
import type { GroupMember } from '@/lib/schemas/consumer-groups';
import { describeRows, lagOf } from '@/server/lag/describe-rows';
import { partitionKey } from '@/server/kafka/partition-key';

const member = (memberId: string, assignments: [string, number][]): GroupMember => ({
  memberId,
  groupInstanceId: null,
  clientId: `client-${memberId}`,
  host: '/127.0.0.1',
  assignments: assignments.map(([topic, partition]) => ({ topic, partition })),
});
const map = (entries: [string, number, string | null][]) => new Map(entries.map(([t, p, v]) => [partitionKey(t, p), v]));
const ends = (entries: [string, number, string | null, string?][]) =>
  new Map(entries.map(([t, p, highWatermark, error]) => [partitionKey(t, p), { highWatermark, error: error ?? null }]));

describe('lagOf', () => {
  it('is end minus committed, unclamped, exact beyond 2^53', () => {
    expect(lagOf('5', '12')).toBe('7');
    expect(lagOf('20', '12')).toBe('-8');
    expect(lagOf('9007199254740993', '9007199254740999')).toBe('6');
  });
  it('is unknown when either side is', () => {
    expect(lagOf(null, '12')).toBeNull();
    expect(lagOf('5', null)).toBeNull();
  });
});

describe('describeRows (kafka-consumer-groups --describe)', () => {
  const endOffsets = ends([
    ['a', 0, '10'],
    ['a', 1, '20'],
    ['b', 0, '5'],
    ['c', 0, '7'],
    ['c', 1, '3'],
    ['gone', 0, null, 'UNKNOWN_TOPIC_OR_PARTITION'],
  ]);

  it('orders members by assignment size, then member id; rows by topic and partition; unassigned commits last', () => {
    const rows = describeRows({
      members: [
        member('m-2', [['b', 0]]),
        member('m-3', [
          ['a', 1],
          ['a', 0],
        ]),
        member('m-1', [['c', 1]]),
        member('idle', []),
      ],
      committed: map([
        ['a', 0, '4'],
        ['c', 1, '3'],
        ['c', 0, '2'],
        ['b', 0, null],
      ]),
      endOffsets,
    });
    expect(rows.map((r) => [r.topic, r.partition, r.consumerId])).toEqual([
      ['a', 0, 'm-3'],
      ['a', 1, 'm-3'],
      ['c', 1, 'm-1'],
      ['b', 0, 'm-2'],
      ['c', 0, null],
    ]);
  });

  it('fills the CLI columns: "-" (null) for no commit and for unassigned member columns', () => {
    const rows = describeRows({ members: [member('m', [['a', 1]])], committed: map([['a', 0, '4']]), endOffsets });
    expect(rows).toEqual([
      {
        topic: 'a',
        partition: 1,
        currentOffset: null,
        logEndOffset: '20',
        lag: null,
        consumerId: 'm',
        host: '/127.0.0.1',
        clientId: 'client-m',
      },
      { topic: 'a', partition: 0, currentOffset: '4', logEndOffset: '10', lag: '6', consumerId: null, host: null, clientId: null },
    ]);
  });

  it('keeps a negative lag and says why an end offset is unknown', () => {
    const rows = describeRows({
      members: [],
      committed: map([
        ['c', 1, '9'],
        ['gone', 0, '1'],
      ]),
      endOffsets,
    });
    expect(rows.map((r) => [r.topic, r.lag, r.error])).toEqual([
      ['c', '-6', undefined],
      ['gone', null, 'UNKNOWN_TOPIC_OR_PARTITION'],
    ]);
  });

  it('gives an Empty group without commits no rows', () => {
    expect(describeRows({ members: [], committed: new Map(), endOffsets })).toEqual([]);
  });
});
