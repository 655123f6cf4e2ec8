import { describe, expect, it } from 'vitest';
import { partitionKey } from '@/server/kafka/partition-key';
import { commitsOffsets, lagGroups, type LagGroupsInput } from '@/server/lag/lag-groups';
import { createSampleStore, groupLagStats, hwmTable, recordPass } from '@/server/lag/lag-samples';
import type { ShareGroupRead } from '@/server/lag/share-groups';
import type { StreamsGroupWithRows } from '@/server/lag/groups-snapshot';

const end = (highWatermark: string | null, error: string | null = null) => ({ highWatermark, error });
const member = (assignments: { topic: string; partition: number }[]) => ({
  memberId: 'm',
  groupInstanceId: null,
  clientId: 'c',
  host: '/h',
  assignments,
});

const share = (rows: ShareGroupRead['offsets'], assigned: { topic: string; partition: number }[]) =>
  ({
    groupId: 'queue',
    members: [
      { memberId: 'sm', clientId: 'c', host: '/h', rack: null, memberEpoch: 1, subscribedTopicNames: ['s'], assignments: assigned },
    ],
    offsets: rows,
  }) as unknown as ShareGroupRead;

const streams = (rows: StreamsGroupWithRows['rows'], active: string[]) =>
  ({ groupId: 'app', members: [{}], rows, activeInputs: new Set(active) }) as unknown as StreamsGroupWithRows;

function input(over: Partial<LagGroupsInput>): LagGroupsInput {
  return { groups: [], shareGroups: [], streamsGroups: [], endOffsets: new Map(), ...over };
}

describe('lagGroups', () => {
  it("gives a consumer group's committed and assigned partitions once each, with the CLI's lag", () => {
    const [group] = lagGroups(
      input({
        endOffsets: new Map([
          [partitionKey('t', 0), end('100')],
          [partitionKey('t', 1), end(null, 'NOT_LEADER_OR_FOLLOWER')],
          [partitionKey('u', 0), end('7')],
        ]),
        groups: [
          {
            groupId: 'g',
            groupProtocol: 'classic',
            committed: new Map([
              [partitionKey('t', 1), '5'],
              [partitionKey('t', 0), '60'],
            ]),
            // Two members claiming t-0 for a moment (a rebalance): one row.
            members: [
              member([{ topic: 't', partition: 0 }]),
              member([
                { topic: 't', partition: 0 },
                { topic: 'u', partition: 0 },
              ]),
            ],
          },
        ],
      }),
    );
    expect(group).toEqual({
      groupId: 'g',
      type: 'classic',
      memberCount: 2,
      rows: [
        { topic: 't', partition: 0, committed: '60', highWatermark: '100', lag: '40', owned: true },
        { topic: 't', partition: 1, committed: '5', highWatermark: null, lag: null, owned: false, error: 'NOT_LEADER_OR_FOLLOWER' },
        { topic: 'u', partition: 0, committed: null, highWatermark: '7', lag: null, owned: true },
      ],
    });
  });

  it("takes a share group's lag from the broker, not hwm − start offset; its start offset is its position", () => {
    const [group] = lagGroups(
      input({
        shareGroups: [
          share(
            [
              { topic: 's', partition: 0, startOffset: '10', lag: '3' },
              { topic: 's', partition: 1, startOffset: null, lag: null },
            ],
            [{ topic: 's', partition: 1 }],
          ),
        ],
      }),
    );
    expect(group).toMatchObject({ groupId: 'queue', type: 'share', memberCount: 1 });
    expect(group?.rows).toEqual([
      { topic: 's', partition: 0, committed: '10', highWatermark: null, lag: '3', owned: false },
      { topic: 's', partition: 1, committed: null, highWatermark: null, lag: null, owned: true },
    ]);
    expect(commitsOffsets(group!)).toBe(false);
  });

  it("keeps a streams group's rows: its commits, log end offsets and lag (the whole log without a commit)", () => {
    const [group] = lagGroups(
      input({
        streamsGroups: [
          streams(
            [
              { topic: 'in', partition: 0, currentOffset: '4', leaderEpoch: 0, logEndOffset: '9', lag: '5' },
              { topic: 'in', partition: 1, currentOffset: null, leaderEpoch: null, logEndOffset: '6', lag: '6', error: 'x' },
            ],
            [partitionKey('in', 0)],
          ),
        ],
      }),
    );
    expect(group?.type).toBe('streams');
    expect(group?.rows).toEqual([
      { topic: 'in', partition: 0, committed: '4', highWatermark: '9', lag: '5', owned: true },
      { topic: 'in', partition: 1, committed: null, highWatermark: '6', lag: '6', owned: false, error: 'x' },
    ]);
    expect(commitsOffsets(group!)).toBe(true);
  });
});

describe('recordPass over lag groups', () => {
  it("samples a streams group like a consumer group (its rows' high watermarks feed the tables) and no share group", () => {
    const store = createSampleStore({ window: 2, allowedLag: 0 });
    for (const [asOf, hwm] of [
      [1_000, '10'],
      [2_000, '20'],
    ] as const) {
      const groups = lagGroups(
        input({
          streamsGroups: [streams([{ topic: 'in', partition: 0, currentOffset: '4', leaderEpoch: 0, logEndOffset: hwm, lag: null }], [])],
          shareGroups: [share([{ topic: 's', partition: 0, startOffset: '1', lag: '2' }], [])],
        }),
      );
      recordPass(store, { asOf, endOffsets: new Map(), groups });
    }
    expect(hwmTable(store, 'in', 0)).toEqual([10, 1_000, 20, 2_000]);
    // A committed offset that stood still while nobody owned the partition and the log grew: Burrow's STOP.
    expect(groupLagStats(store, 'app')?.status).toBe('STOP');
    expect(store.groups.has('queue')).toBe(false);
    expect(hwmTable(store, 's', 0)).toEqual([]);
  });
});
