import { describe, expect, it } from 'vitest';
import { consumerGroupListQuerySchema, type ConsumerGroupSummary } from '@/lib/schemas/consumer-groups';
import { selectGroups } from '@/server/lag/select-groups';

const group = (
  groupId: string,
  state: string,
  totalLag: string | null,
  topics: string[] = ['t'],
  maxTimeLagMs: number | null = null,
): ConsumerGroupSummary => ({
  maxTimeLagIsLowerBound: false,
  groupId,
  state,
  type: groupId.startsWith('share') ? 'share' : 'classic',
  protocolType: groupId.startsWith('share') ? 'share' : 'consumer',
  groupProtocol: groupId.startsWith('share') ? 'share' : 'classic',
  assignor: null,
  coordinatorId: 1,
  memberCount: 0,
  topics,
  totalLag,
  maxLag: totalLag,
  maxTimeLagMs,
  status: null,
  sampling: null,
});
const all = [
  group('b-orders', 'Stable', '12', ['t'], 1_500),
  group('a-payments', 'Empty', '-3', ['p'], 0),
  group('c-none', 'Empty', null),
  group('d-big', 'Stable', '90071992547409930', ['t'], 86_400_000),
];
const select = (query: Record<string, string>) => selectGroups(all, consumerGroupListQuerySchema.parse(query));
const ids = (query: Record<string, string>) => select(query).groups.map((g) => g.groupId);

describe('selectGroups', () => {
  it('sorts by id by default and by lag exactly, unknown lag lowest', () => {
    expect(ids({})).toEqual(['a-payments', 'b-orders', 'c-none', 'd-big']);
    expect(ids({ sort: '-totalLag' })).toEqual(['d-big', 'b-orders', 'a-payments', 'c-none']);
    expect(ids({ sort: 'totalLag' })).toEqual(['c-none', 'a-payments', 'b-orders', 'd-big']);
  });

  it('sorts by time lag, unknown lowest, ties by id', () => {
    expect(ids({ sort: '-maxTimeLagMs' })).toEqual(['d-big', 'b-orders', 'a-payments', 'c-none']);
    expect(ids({ sort: 'maxTimeLagMs' })).toEqual(['c-none', 'a-payments', 'b-orders', 'd-big']);
  });

  it('filters by id substring, state (any case), topic and lagging', () => {
    expect(ids({ q: 'ORD' })).toEqual(['b-orders']);
    expect(ids({ state: 'empty' })).toEqual(['a-payments', 'c-none']);
    expect(ids({ topic: 'p' })).toEqual(['a-payments']);
    expect(ids({ lagging: 'true' })).toEqual(['b-orders', 'd-big']);
  });

  it('pages after filtering and reports the filtered total', () => {
    expect(select({ state: 'Stable', limit: '1', offset: '1' })).toMatchObject({ total: 2, groups: [{ groupId: 'd-big' }] });
  });

  it('refuses a sort field it does not know', () => {
    expect(() => consumerGroupListQuerySchema.parse({ sort: 'lag' })).toThrow(/one of groupId/);
  });

  it('keeps the types asked for, comma-separated, and refuses an unknown one', () => {
    const all = [group('a', 'Stable', '1'), group('share-b', 'Stable', '2'), group('c', 'Empty', null)];
    const pick = (type: string) => selectGroups(all, consumerGroupListQuerySchema.parse({ type })).groups.map((g) => g.groupId);
    expect(pick('share')).toEqual(['share-b']);
    expect(pick('classic,consumer')).toEqual(['a', 'c']);
    expect(pick(' Share , classic ')).toEqual(['a', 'c', 'share-b']);
    expect(pick('')).toEqual(['a', 'c', 'share-b']);
    expect(consumerGroupListQuerySchema.safeParse({ type: 'share,connect' }).success).toBe(false);
  });
});
