import { describe, expect, it } from 'vitest';
import { partitionKey } from '@/server/kafka/partition-key';
import {
  MISSING_PASSES,
  createSampleStore,
  groupLagStats,
  hwmTable,
  recordPass,
  windowEntries,
  type SamplePassInput,
} from '@/server/lag/lag-samples';
import { consumerLagGroup } from '@/server/lag/lag-groups';

const key = partitionKey('t', 0);
type GroupSpec = { committed?: Record<string, string | null>; owned?: [string, number][]; error?: string };

/** A snapshot: groups with their commits (by partitionKey) and owned partitions, and the high watermarks. */
function snapshot(asOf: number, hwms: Record<string, string | null>, groups: Record<string, GroupSpec>): SamplePassInput {
  const endOffsets = new Map(Object.entries(hwms).map(([k, hw]) => [k, { highWatermark: hw, error: null }]));
  const consumerGroups = Object.entries(groups).map(([groupId, g]) => ({
    groupId,
    groupProtocol: 'consumer' as const,
    committed: new Map(Object.entries(g.committed ?? {})),
    members: g.owned
      ? [
          {
            memberId: 'm',
            groupInstanceId: null,
            clientId: 'c',
            host: '/h',
            assignments: g.owned.map(([topic, partition]) => ({ topic, partition })),
          },
        ]
      : [],
    ...(g.error ? { error: g.error } : {}),
  }));
  return { asOf, endOffsets, groups: consumerGroups.map((g) => consumerLagGroup(g, endOffsets)) };
}

/** `passes` samples 1 s apart of one partition with a steady producer (10 records a second). */
function run(passes: number, group: (i: number) => GroupSpec, window = 3) {
  const store = createSampleStore({ window, allowedLag: 0 });
  for (let i = 0; i < passes; i += 1) recordPass(store, snapshot(1000 * (i + 1), { [key]: String(100 + 10 * i) }, { g: group(i) }));
  return store;
}

describe('recordPass', () => {
  it('keeps the last `window` samples of each group partition and the time-lag table of each partition', () => {
    const store = run(5, (i) => ({ committed: { [key]: String(90 + 10 * i) }, owned: [['t', 0]] }));
    const series = store.groups.get('g')!.partitions.get(key)!;
    expect(windowEntries(series)).toEqual([
      { time: 3000, hwm: 120, committed: 110, commitTime: 3000, commitHwm: 110 },
      { time: 4000, hwm: 130, committed: 120, commitTime: 4000, commitHwm: 120 },
      { time: 5000, hwm: 140, committed: 130, commitTime: 5000, commitHwm: 130 },
    ]);
    expect(hwmTable(store, 't', 0)).toEqual([100, 1000, 110, 2000, 120, 3000, 130, 4000, 140, 5000]);
    expect(store.lastSampleAt).toBe(5000);
  });

  it('ignores a snapshot that is not newer than the last pass (a cached one read twice)', () => {
    const store = run(2, () => ({ committed: { [key]: '100' } }));
    expect(recordPass(store, snapshot(2000, { [key]: '500' }, { g: { committed: { [key]: '100' } } }))).toBe(false);
    expect(store.pass).toBe(2);
  });

  it('carries the commit of an unchanged offset nobody owns, and renews it while a member owns the partition', () => {
    const commits = (store: ReturnType<typeof run>) =>
      windowEntries(store.groups.get('g')!.partitions.get(key)!).map((e) => [e.commitTime, e.commitHwm]);
    // High watermarks 100, 110, 120: a new commit is measured against the previous sample's.
    expect(commits(run(3, () => ({ committed: { [key]: '100' } })))).toEqual([
      [1000, 100],
      [1000, 100],
      [1000, 100],
    ]);
    expect(commits(run(3, () => ({ committed: { [key]: '100' }, owned: [['t', 0]] })))).toEqual([
      [1000, 100],
      [2000, 100],
      [3000, 110],
    ]);
    expect(commits(run(3, (i) => ({ committed: { [key]: i < 2 ? '100' : '105' } })))).toEqual([
      [1000, 100],
      [1000, 100],
      [3000, 110],
    ]);
  });

  it('records assigned partitions without a commit as unknown offsets', () => {
    const store = run(1, () => ({ owned: [['t', 0]] }));
    expect(windowEntries(store.groups.get('g')!.partitions.get(key)!)[0]!.committed).toBeNaN();
  });

  it('keeps the history of a group read with errors and adds nothing to it', () => {
    const store = run(2, () => ({ committed: { [key]: '100' } }));
    recordPass(store, snapshot(3000, { [key]: '130' }, { g: { error: 'coordinator did not answer' } }));
    expect(groupLagStats(store, 'g')!.samples).toBe(2);
    expect(windowEntries(store.groups.get('g')!.partitions.get(key)!)).toHaveLength(2);
  });

  it('drops a partition the group no longer has at once, and groups and tables missing for a few passes', () => {
    const other = partitionKey('t', 1);
    const store = createSampleStore({ window: 3, allowedLag: 0 });
    recordPass(
      store,
      snapshot(
        1000,
        { [key]: '10', [other]: '10' },
        { g: { committed: { [key]: '1', [other]: '1' } }, gone: { committed: { [key]: '1' } } },
      ),
    );
    recordPass(store, snapshot(2000, { [key]: '20' }, { g: { committed: { [key]: '2' } } }));
    expect([...store.groups.get('g')!.partitions.keys()]).toEqual([key]);
    for (let i = 1; i < MISSING_PASSES; i += 1)
      recordPass(store, snapshot(2000 + 1000 * i, { [key]: '20' }, { g: { committed: { [key]: '2' } } }));
    expect([...store.groups.keys()]).toEqual(['g']);
    expect([...store.tables.keys()]).toEqual([key]);
  });

  it('stays bounded: at most `window` samples per group partition and 60 points per table, whatever the passes', () => {
    const store = run(500, (i) => ({ committed: { [key]: String(100 + 9 * i) }, owned: [['t', 0]] }), 10);
    expect(windowEntries(store.groups.get('g')!.partitions.get(key)!)).toHaveLength(10);
    expect(hwmTable(store, 't', 0).length).toBe(2 * 60);
  });
});

describe('groupLagStats', () => {
  it('counts the samples with a committed offset: a group that joined before committing collects from its first commit', () => {
    const store = run(5, (i) => ({ owned: [['t', 0]], committed: i < 3 ? {} : { [key]: '100' } }));
    expect(groupLagStats(store, 'g')).toMatchObject({ samples: 2, status: null });
    recordPass(store, snapshot(6000, { [key]: '150' }, { g: { owned: [['t', 0]], committed: { [key]: '140' } } }));
    expect(groupLagStats(store, 'g')).toMatchObject({ samples: 3, status: 'OK' });
  });

  it('has no status before the window has filled, and counts the samples', () => {
    const store = run(2, () => ({ committed: { [key]: '100' } }));
    expect(groupLagStats(store, 'g')).toMatchObject({ samples: 2, status: null });
    expect(groupLagStats(store, 'g')!.partitions.get(key)!.status).toBeNull();
    expect(groupLagStats(store, 'unknown')).toBeUndefined();
  });

  it('STOP for a group that nobody consumes for while records arrive', () => {
    const store = run(3, () => ({ committed: { [key]: '50' } }));
    expect(groupLagStats(store, 'g')).toMatchObject({ samples: 3, status: 'STOP' });
  });

  it('STALL for a live member that keeps the same offset', () => {
    const store = run(3, () => ({ committed: { [key]: '50' }, owned: [['t', 0]] }));
    expect(groupLagStats(store, 'g')!.status).toBe('STALL');
    // The same group caught up at its first sample: it was not stalled over the whole window.
    expect(
      groupLagStats(
        run(3, () => ({ committed: { [key]: '100' }, owned: [['t', 0]] })),
        'g',
      )!.status,
    ).toBe('OK');
  });

  it('OK for a group that keeps up, with its rates', () => {
    const store = run(4, (i) => ({ committed: { [key]: String(100 + 10 * i) }, owned: [['t', 0]] }));
    expect(groupLagStats(store, 'g')!.status).toBe('OK');
    expect(groupLagStats(store, 'g')!.partitions.get(key)).toEqual({ status: 'OK', consumeRate: 10, produceRate: 10 });
  });

  it('is the worst partition status of the group', () => {
    const fast = partitionKey('t', 1);
    const store = createSampleStore({ window: 3, allowedLag: 0 });
    for (let i = 0; i < 3; i += 1) {
      const hwm = String(100 + 10 * i);
      recordPass(store, snapshot(1000 * (i + 1), { [key]: hwm, [fast]: hwm }, { g: { committed: { [key]: '50', [fast]: hwm } } }));
    }
    const stats = groupLagStats(store, 'g')!;
    expect([stats.partitions.get(key)!.status, stats.partitions.get(fast)!.status, stats.status]).toEqual(['STOP', 'OK', 'STOP']);
  });

  it('is computed once per pass', () => {
    const store = run(3, () => ({ committed: { [key]: '100' } }));
    expect(groupLagStats(store, 'g')).toBe(groupLagStats(store, 'g'));
    recordPass(store, snapshot(9000, { [key]: '200' }, { g: { committed: { [key]: '100' } } }));
    expect(groupLagStats(store, 'g')!.samples).toBe(3);
  });
});
