import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/errors';
import { offsetResetInputSchema, type OffsetResetInput } from '@/lib/schemas/offset-reset';
import { partitionKey } from '@/server/kafka/partition-key';
import { partitionsToReset, planReset, type PartitionBounds, type PlanContext, type ScopeContext } from '@/server/lag/reset-plan';

const k = partitionKey;
const topicPartitions = new Map([
  ['orders', [0, 1, 2]],
  ['payments', [0, 1]],
]);
/** orders-0 and orders-1 committed, payments-0 committed; orders-2 and payments-1 never. */
const committed = new Map<string, string | null>([
  [k('orders', 0), '10'],
  [k('orders', 1), '50'],
  [k('payments', 0), '3'],
]);
const scope = (input: Partial<OffsetResetInput>, context: Partial<ScopeContext> = {}) =>
  partitionsToReset({ strategy: 'earliest', ...input } as OffsetResetInput, { committed, topicPartitions, ...context });

describe('partitionsToReset (the scope)', () => {
  it('without a scope: every partition the group has committed (--all-topics), sorted', () => {
    expect(scope({}).value).toEqual([
      { topic: 'orders', partition: 0 },
      { topic: 'orders', partition: 1 },
      { topic: 'payments', partition: 0 },
    ]);
  });

  it('without a scope and without commits: nothing (the CLI prints an empty table)', () => {
    expect(scope({}, { committed: new Map() }).value).toEqual([]);
  });

  it('topics: every partition of each, committed or not (--topic t)', () => {
    expect(scope({ topics: ['orders'] }).value).toEqual([0, 1, 2].map((partition) => ({ topic: 'orders', partition })));
  });

  it('partitions: exactly those (--topic t:0,1); with topics: their union, without duplicates', () => {
    expect(scope({ partitions: [{ topic: 'payments', partition: 1 }] }).value).toEqual([{ topic: 'payments', partition: 1 }]);
    const union = scope({
      topics: ['payments'],
      partitions: [
        { topic: 'payments', partition: 1 },
        { topic: 'orders', partition: 2 },
      ],
    }).value;
    expect(union).toEqual([
      { topic: 'orders', partition: 2 },
      { topic: 'payments', partition: 0 },
      { topic: 'payments', partition: 1 },
    ]);
  });

  it('refuses unknown topics and partitions with field errors, as the CLI does', () => {
    const unknownTopic = () => scope({ topics: ['missing'] });
    expect(unknownTopic).toThrow(ApiError);
    expect(() => unknownTopic()).toThrow('Topic "missing" does not exist');
    try {
      scope({
        partitions: [
          { topic: 'orders', partition: 5 },
          { topic: 'gone', partition: 0 },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'VALIDATION',
        status: 422,
        fieldErrors: { partitions: ['Partition orders-5 does not exist', 'Partition gone-0 does not exist'] },
      });
    }
  });

  it('skips committed partitions of deleted topics with a warning', () => {
    const withDeleted = new Map([...committed, [k('deleted', 0), '7']]);
    const planned = scope({}, { committed: withDeleted });
    expect(planned.value.map((p) => p.topic)).not.toContain('deleted');
    expect(planned.warnings).toEqual(['deleted-0: the partition no longer exists; left unchanged']);
  });

  describe('copy', () => {
    const sourceCommitted = new Map<string, string | null>([
      [k('orders', 1), '20'],
      [k('orders', 2), '30'],
      [k('payments', 1), null],
    ]);

    it("without a scope: the source group's committed partitions (not the target's)", () => {
      const planned = scope({ strategy: 'copy', fromGroupId: 'src' }, { sourceCommitted });
      expect(planned.value).toEqual([
        { topic: 'orders', partition: 1 },
        { topic: 'orders', partition: 2 },
      ]);
      expect(planned.warnings).toEqual(['payments-1: group "src" has no committed offset there; left unchanged']);
    });

    it('with a scope: only the partitions the source group committed; the others are left as they are', () => {
      const planned = scope({ strategy: 'copy', fromGroupId: 'src', topics: ['orders'] }, { sourceCommitted });
      expect(planned.value.map((p) => p.partition)).toEqual([1, 2]);
      expect(planned.warnings).toEqual(['orders-0: group "src" has no committed offset there; left unchanged']);
    });

    it('from a group with no commits at all: nothing', () => {
      expect(scope({ strategy: 'copy', fromGroupId: 'src' }, { sourceCommitted: new Map() }).value).toEqual([]);
    });
  });
});

const bounds = (entries: [string, number, string, string][]) =>
  new Map<string, PartitionBounds>(entries.map(([t, p, s, e]) => [k(t, p), { logStartOffset: s, highWatermark: e }]));
/** orders-0: [5, 100), orders-1: [0, 40) (its commit 50 is past the end), orders-2: empty [0, 0), payments-0: [0, 9007199254740993). */
const BOUNDS = bounds([
  ['orders', 0, '5', '100'],
  ['orders', 1, '0', '40'],
  ['orders', 2, '0', '0'],
  ['payments', 0, '0', '9007199254740993'],
]);
const ALL = [
  { topic: 'orders', partition: 0 },
  { topic: 'orders', partition: 1 },
  { topic: 'orders', partition: 2 },
  { topic: 'payments', partition: 0 },
];
const plan = (input: Partial<OffsetResetInput>, partitions = ALL, context: Partial<PlanContext> = {}) =>
  planReset(offsetResetInputSchema.parse({ strategy: 'earliest', ...input }), partitions, { committed, bounds: BOUNDS, ...context });
const newOffsets = (planned: ReturnType<typeof plan>) => planned.value.map((r) => r.newOffset);

describe('planReset (the new offsets)', () => {
  it('earliest: the log start offset; rows carry the current offset and the lag after', () => {
    expect(plan({ strategy: 'earliest' }).value).toEqual([
      { topic: 'orders', partition: 0, currentOffset: '10', newOffset: '5', lagAfter: '95' },
      { topic: 'orders', partition: 1, currentOffset: '50', newOffset: '0', lagAfter: '40' },
      { topic: 'orders', partition: 2, currentOffset: null, newOffset: '0', lagAfter: '0' },
      { topic: 'payments', partition: 0, currentOffset: '3', newOffset: '0', lagAfter: '9007199254740993' },
    ]);
  });

  it('latest: the high watermark (lag 0), exact beyond 2^53', () => {
    const planned = plan({ strategy: 'latest' });
    expect(newOffsets(planned)).toEqual(['100', '40', '0', '9007199254740993']);
    expect(planned.value.every((r) => r.lagAfter === '0')).toBe(true);
  });

  it('offset: clamped to [log start, high watermark] with the CLI warnings', () => {
    const planned = plan({ strategy: 'offset', offset: '3' });
    expect(newOffsets(planned)).toEqual(['5', '3', '0', '3']);
    expect(planned.warnings).toEqual([
      'New offset (3) is lower than earliest offset for topic partition orders-0. Value will be set to 5',
      'New offset (3) is higher than latest offset for topic partition orders-2. Value will be set to 0',
    ]);
    expect(newOffsets(plan({ strategy: 'offset', offset: '9223372036854775807' }))).toEqual(['100', '40', '0', '9007199254740993']);
    expect(newOffsets(plan({ strategy: 'offset', offset: '-1' }))).toEqual(['5', '0', '0', '0']);
  });

  it('shift: committed + n, clamped; negative past the log start stops at the log start', () => {
    const committedOnly = ALL.filter((p) => !(p.topic === 'orders' && p.partition === 2));
    expect(newOffsets(plan({ strategy: 'shift', shiftBy: -8 }, committedOnly))).toEqual(['5', '40', '0']);
    expect(newOffsets(plan({ strategy: 'shift', shiftBy: 2 }, committedOnly))).toEqual(['12', '40', '5']);
    expect(newOffsets(plan({ strategy: 'shift', shiftBy: -1_000 }, committedOnly))).toEqual(['5', '0', '0']);
    // A commit past the end (orders-1 at 50, end 40) shifted back but still past the end: the end.
    expect(newOffsets(plan({ strategy: 'shift', shiftBy: -5 }, [{ topic: 'orders', partition: 1 }]))).toEqual(['40']);
  });

  it('shift: refused for a partition without a committed offset, as the CLI does', () => {
    expect(() => plan({ strategy: 'shift', shiftBy: 1 })).toThrow(
      'Cannot shift offset for partition orders-2 since there is no current committed offset',
    );
    try {
      plan({ strategy: 'shift', shiftBy: 1 });
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION', fieldErrors: { shiftBy: [expect.any(String)] } });
    }
  });

  it('timestamp: the offset found, or the high watermark when no record is at or after the time (unclamped)', () => {
    const timestampOffsets = new Map<string, string | null>([
      [k('orders', 0), '42'],
      [k('orders', 1), null],
      [k('orders', 2), null],
      [k('payments', 0), '0'],
    ]);
    const planned = plan({ strategy: 'timestamp', timestamp: 1_700_000_000_000 }, ALL, { timestampOffsets });
    expect(newOffsets(planned)).toEqual(['42', '40', '0', '0']);
    expect(planned.warnings).toEqual([
      'Partition 1 from topic orders is empty. Falling back to latest known offset.',
      'Partition 2 from topic orders is empty. Falling back to latest known offset.',
    ]);
    expect(planned.value[0]).toMatchObject({ currentOffset: '10', lagAfter: '58' });
  });

  it("copy: the source group's commits, clamped like --from-file", () => {
    const sourceCommitted = new Map<string, string | null>([
      [k('orders', 0), '2'], // below the log start 5
      [k('orders', 1), '45'], // above the end 40
      [k('payments', 0), '7'],
    ]);
    const partitions = ALL.filter((p) => sourceCommitted.has(k(p.topic, p.partition)));
    const planned = plan({ strategy: 'copy', fromGroupId: 'src' }, partitions, { sourceCommitted });
    expect(planned.value).toEqual([
      { topic: 'orders', partition: 0, currentOffset: '10', newOffset: '5', lagAfter: '95' },
      { topic: 'orders', partition: 1, currentOffset: '50', newOffset: '40', lagAfter: '0' },
      { topic: 'payments', partition: 0, currentOffset: '3', newOffset: '7', lagAfter: '9007199254740986' },
    ]);
    expect(planned.warnings).toHaveLength(2);
  });

  it('partitions the group has not committed yet: currentOffset null, planned like the others', () => {
    expect(plan({ strategy: 'offset', offset: '0' }, [{ topic: 'orders', partition: 2 }]).value).toEqual([
      { topic: 'orders', partition: 2, currentOffset: null, newOffset: '0', lagAfter: '0' },
    ]);
  });
});

describe('offsetResetInputSchema', () => {
  it.each([
    ['timestamp', 'timestamp'],
    ['offset', 'offset'],
    ['shift', 'shiftBy'],
    ['copy', 'fromGroupId'],
  ])('the %s strategy requires %s', (strategy, field) => {
    const result = offsetResetInputSchema.safeParse({ strategy });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it('takes int64 offsets as strings and refuses values outside int64', () => {
    expect(offsetResetInputSchema.safeParse({ strategy: 'offset', offset: '9223372036854775807' }).success).toBe(true);
    expect(offsetResetInputSchema.safeParse({ strategy: 'offset', offset: '9223372036854775808' }).success).toBe(false);
    expect(offsetResetInputSchema.safeParse({ strategy: 'offset', offset: 'ten' }).success).toBe(false);
  });

  it("checks topic names with Kafka's rule", () => {
    expect(offsetResetInputSchema.safeParse({ strategy: 'earliest', topics: ['a/b'] }).success).toBe(false);
    expect(offsetResetInputSchema.safeParse({ strategy: 'earliest', topics: ['..'] }).success).toBe(false);
    expect(offsetResetInputSchema.safeParse({ strategy: 'earliest', partitions: [{ topic: 'a', partition: -1 }] }).success).toBe(false);
  });
});
