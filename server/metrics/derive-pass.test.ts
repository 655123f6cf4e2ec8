import { describe, expect, it } from 'vitest';
import { partitionKey } from '@/server/kafka/partition-key';
import { derivePass, initialDeriveState, type DeriveState } from '@/server/metrics/derive-pass';
import type { ClusterReading, GroupReading, PartitionReading, PassReading } from '@/server/metrics/pass-reading-types';
import { partitionRates } from '@/server/metrics/partition-rates';
import type { MetricPointInput } from '@/server/metrics/write';

type Row = GroupReading['rows'][number];

const part = (
  topic: string,
  partition: number,
  leader: number | null,
  highWatermark: number | null,
  leaderSizeBytes: number | null,
): [string, PartitionReading] => [
  partitionKey(topic, partition),
  { topic, leader, highWatermark, logStartOffset: 0, leaderSizeBytes, sizedHighWatermark: highWatermark, sizedLogStartOffset: 0 },
];

const cluster = (time: number, partitions: [string, PartitionReading][], disks: [number, number | null][] = []): ClusterReading => ({
  time,
  sizesTime: time,
  partitions: new Map(partitions),
  brokerDiskBytes: new Map(disks),
});

const pass = (c: ClusterReading, groups: GroupReading[] = [], time = c.time + 400, partial = false): PassReading => ({
  time,
  cluster: c,
  groups,
  partial,
});

const row = (
  topic: string,
  partition: number,
  committed: number | null,
  lag: number | null = null,
  timeLagMs: number | null = null,
): Row => ({
  topic,
  partition,
  committed,
  lag,
  timeLagMs,
});

const group = (groupId: string, ...rows: Row[]): GroupReading => ({ groupId, rows });

/** Each point's value by `scope/key/metric` (plus ` topic=…` when labelled); a series twice in one pass fails. */
function values(points: readonly MetricPointInput[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const p of points) {
    const labels = p.labels
      ? Object.entries(p.labels)
          .map(([k, v]) => ` ${k}=${v}`)
          .join('')
      : '';
    const name = `${p.scope}/${p.key}/${p.metric}${labels}`;
    if (name in out) throw new Error(`series twice in one pass: ${name}`);
    out[name] = p.value;
  }
  return out;
}

/** The values whose name starts with one of the prefixes. */
const pick = (all: Record<string, number | null>, ...prefixes: string[]) =>
  Object.fromEntries(Object.entries(all).filter(([name]) => prefixes.some((prefix) => name.startsWith(prefix))));

/** Runs passes one after another from the initial state; returns each pass's values and the final state. */
function run(...passes: PassReading[]): { each: Record<string, number | null>[]; state: DeriveState } {
  let state = initialDeriveState();
  const each: Record<string, number | null>[] = [];
  for (const p of passes) {
    const derived = derivePass(state, p);
    each.push(values(derived.points));
    state = derived.state;
  }
  return { each, state };
}

// Brokers: 1 leads orders-0 and payments-0; 2 leads orders-1; 3 (log dirs unreadable) leads nothing;
// 4 leads only __consumer_offsets-0; 5 (log dirs unreadable) leads payments-1.
const DISKS: [number, number | null][] = [
  [1, 500_000],
  [2, 400_000],
  [3, null],
  [4, 200_000],
  [5, null],
];
const A = cluster(
  10_000,
  [
    part('orders', 0, 1, 100, 10_000),
    part('orders', 1, 2, 50, 5_000),
    part('payments', 0, 1, 0, 0),
    part('payments', 1, 5, 1_000, 80_000),
    part('__consumer_offsets', 0, 4, 1_000, 100_000),
  ],
  DISKS,
);
// 10 s later. Per partition: orders-0 20 msg/s 2,000 B/s; orders-1 10 msg/s 1,000 B/s; payments-0 4 msg/s 400 B/s;
// payments-1 10 msg/s 800 B/s; __consumer_offsets-0 50 msg/s 5,000 B/s.
const B = cluster(
  20_000,
  [
    part('orders', 0, 1, 300, 30_000),
    part('orders', 1, 2, 150, 15_000),
    part('payments', 0, 1, 40, 4_000),
    part('payments', 1, 5, 1_100, 88_000),
    part('__consumer_offsets', 0, 4, 1_500, 150_000),
  ],
  DISKS,
);

const B_RATES = {
  'topic/orders/messagesInPerSec': 30,
  'topic/orders/bytesInPerSec': 3_000,
  'topic/orders/sizeBytes': 45_000,
  'topic/payments/messagesInPerSec': 14,
  'topic/payments/bytesInPerSec': 1_200,
  'topic/payments/sizeBytes': 92_000,
  'topic/__consumer_offsets/messagesInPerSec': 50,
  'topic/__consumer_offsets/bytesInPerSec': 5_000,
  'topic/__consumer_offsets/sizeBytes': 150_000,
  'broker/1/messagesInPerSec': 24,
  'broker/1/bytesInPerSec': 2_400,
  'broker/1/diskUsedBytes': 500_000,
  'broker/2/messagesInPerSec': 10,
  'broker/2/bytesInPerSec': 1_000,
  'broker/2/diskUsedBytes': 400_000,
  'broker/3/messagesInPerSec': null,
  'broker/3/bytesInPerSec': null,
  'broker/3/diskUsedBytes': null,
  'broker/4/messagesInPerSec': 0,
  'broker/4/bytesInPerSec': 0,
  'broker/4/diskUsedBytes': 200_000,
  'broker/5/messagesInPerSec': 10,
  'broker/5/bytesInPerSec': 800,
  'broker/5/diskUsedBytes': null,
  'cluster//messagesInPerSec': 44,
  'cluster//bytesInPerSec': 4_200,
};

describe('derivePass: topics, brokers and the cluster', () => {
  it('gives null rates on the first pass, with sizes, disks and lag set', () => {
    const { each } = run(pass(A, [group('billing', row('orders', 0, 90, 10, 1_500))]));
    const first = each[0]!;
    expect(pick(first, 'topic/', 'cluster/')).toEqual({
      'topic/orders/messagesInPerSec': null,
      'topic/orders/bytesInPerSec': null,
      'topic/orders/sizeBytes': 15_000,
      'topic/payments/messagesInPerSec': null,
      'topic/payments/bytesInPerSec': null,
      'topic/payments/sizeBytes': 80_000,
      'topic/__consumer_offsets/messagesInPerSec': null,
      'topic/__consumer_offsets/bytesInPerSec': null,
      'topic/__consumer_offsets/sizeBytes': 100_000,
      'cluster//messagesInPerSec': null,
      'cluster//bytesInPerSec': null,
      'cluster//messagesConsumedPerSec': null,
      'cluster//totalLag': 10,
      'cluster//maxTimeLagSeconds': 1.5,
      'cluster//partialPass': 0,
    });
    // Brokers 1 and 2 lead partitions whose rates are not known yet: unknown, not 0.
    expect(pick(first, 'broker/1/', 'broker/2/', 'broker/3/', 'broker/4/', 'broker/5/')).toEqual({
      'broker/1/messagesInPerSec': null,
      'broker/1/bytesInPerSec': null,
      'broker/1/diskUsedBytes': 500_000,
      'broker/2/messagesInPerSec': null,
      'broker/2/bytesInPerSec': null,
      'broker/2/diskUsedBytes': 400_000,
      'broker/3/messagesInPerSec': null,
      'broker/3/bytesInPerSec': null,
      'broker/3/diskUsedBytes': null,
      'broker/4/messagesInPerSec': 0,
      'broker/4/bytesInPerSec': 0,
      'broker/4/diskUsedBytes': 200_000,
      'broker/5/messagesInPerSec': null,
      'broker/5/bytesInPerSec': null,
      'broker/5/diskUsedBytes': null,
    });
    expect(pick(first, 'group/')).toEqual({
      'group/billing/lag': 10,
      'group/billing/lag topic=orders': 10,
      'group/billing/timeLagSeconds': 1.5,
      'group/billing/timeLagSeconds topic=orders': 1.5,
      'group/billing/messagesConsumedPerSec': null,
      'group/billing/messagesInPerSec': null,
    });
  });

  it('sums partition rates per topic, per leading broker and over the cluster on the second pass, internal topics left out of broker and cluster totals', () => {
    const { each } = run(pass(A), pass(B));
    expect(pick(each[1]!, 'topic/', 'broker/', 'cluster//messagesInPerSec', 'cluster//bytesInPerSec')).toEqual(B_RATES);
  });

  it('gives each series its unit, and no group series without groups', () => {
    const derived = derivePass(run(pass(A)).state, pass(B, [group('g', row('orders', 0, 1, 1, 1))]));
    expect(new Set(derived.points.map((p) => `${p.scope} ${p.metric} ${p.unit}`))).toEqual(
      new Set([
        'topic messagesInPerSec msg/s',
        'topic bytesInPerSec B/s',
        'topic sizeBytes B',
        'broker messagesInPerSec msg/s',
        'broker bytesInPerSec B/s',
        'broker diskUsedBytes B',
        'group lag msg',
        'group timeLagSeconds s',
        'group messagesConsumedPerSec msg/s',
        'group messagesInPerSec msg/s',
        'cluster messagesInPerSec msg/s',
        'cluster bytesInPerSec B/s',
        'cluster messagesConsumedPerSec msg/s',
        'cluster totalLag msg',
        'cluster maxTimeLagSeconds s',
        'cluster partialPass bool',
      ]),
    );
    const noGroups = run(pass(A), pass(B)).each[1]!;
    expect(pick(noGroups, 'group/')).toEqual({});
    expect(pick(noGroups, 'cluster//messagesConsumed', 'cluster//totalLag', 'cluster//maxTimeLag')).toEqual({
      'cluster//messagesConsumedPerSec': null,
      'cluster//totalLag': null,
      'cluster//maxTimeLagSeconds': null,
    });
  });

  it('counts a partition only where both passes read it, and a leaderless one for its topic and the cluster but no broker', () => {
    const later = cluster(
      20_000,
      [
        part('orders', 0, 1, 300, 30_000),
        part('orders', 1, null, 150, null), // offline now: no leader, no size
        part('orders', 2, 6, 70, 7_000), // new partition
        part('fresh', 0, 6, 5, 500), // new topic
      ],
      [
        [1, 500_000],
        [2, 400_000],
        [6, null],
      ],
    );
    const { each } = run(pass(A), pass(later));
    expect(pick(each[1]!, 'topic/', 'broker/', 'cluster//messagesInPerSec', 'cluster//bytesInPerSec')).toEqual({
      // orders-1: 10 msg/s; no size now, so 100 new messages × the previous log's 100 B/offset: 1,000 B/s.
      'topic/orders/messagesInPerSec': 30,
      'topic/orders/bytesInPerSec': 3_000,
      'topic/orders/sizeBytes': 37_000,
      'topic/fresh/messagesInPerSec': null,
      'topic/fresh/bytesInPerSec': null,
      'topic/fresh/sizeBytes': 500,
      'broker/1/messagesInPerSec': 20,
      'broker/1/bytesInPerSec': 2_000,
      'broker/1/diskUsedBytes': 500_000,
      'broker/2/messagesInPerSec': 0,
      'broker/2/bytesInPerSec': 0,
      'broker/2/diskUsedBytes': 400_000,
      'broker/6/messagesInPerSec': null,
      'broker/6/bytesInPerSec': null,
      'broker/6/diskUsedBytes': null,
      'cluster//messagesInPerSec': 30,
      'cluster//bytesInPerSec': 3_000,
    });
  });

  it('gives null totals when no part of them is known', () => {
    const reset = cluster(20_000, [part('orders', 0, 1, 5, 500), part('orders', 1, 2, 150, 15_000)], DISKS);
    const { each } = run(pass(A), pass(reset));
    // orders-0's high watermark went back: null; orders-1 still sums.
    expect(pick(each[1]!, 'topic/orders/messagesInPerSec', 'broker/2/messagesInPerSec', 'cluster//messagesInPerSec')).toEqual({
      'topic/orders/messagesInPerSec': 10,
      'broker/2/messagesInPerSec': 10,
      'cluster//messagesInPerSec': 10,
    });
    const allReset = cluster(20_000, [part('orders', 0, 1, 5, 500)], [[3, null]]);
    expect(pick(run(pass(A), pass(allReset)).each[1]!, 'topic/', 'broker/', 'cluster//messagesInPerSec', 'cluster//bytesInPerSec')).toEqual(
      {
        'topic/orders/messagesInPerSec': null,
        'topic/orders/bytesInPerSec': null,
        'topic/orders/sizeBytes': 500,
        'broker/3/messagesInPerSec': null,
        'broker/3/bytesInPerSec': null,
        'broker/3/diskUsedBytes': null,
        'cluster//messagesInPerSec': null,
        'cluster//bytesInPerSec': null,
      },
    );
  });

  it('keeps the previous rates when the cluster reading is not newer than the last (shared snapshot)', () => {
    const first = derivePass(initialDeriveState(), pass(A));
    const second = derivePass(first.state, pass(B));
    const shared = derivePass(second.state, pass(B, [], 25_000));
    expect(pick(values(shared.points), 'topic/', 'broker/', 'cluster//messagesInPerSec', 'cluster//bytesInPerSec')).toEqual(B_RATES);
    expect(shared.state.cluster).toBe(B);
    expect(shared.state.rates).toBe(second.state.rates);
    expect(shared.state.groupsTime).toBe(25_000);

    // An older reading than the last one is not newer either.
    const older = derivePass(second.state, pass(A, [], 26_000));
    expect(pick(values(older.points), 'cluster//messagesInPerSec', 'topic/orders/sizeBytes')).toEqual({
      'cluster//messagesInPerSec': 44,
      'topic/orders/sizeBytes': 15_000,
    });
    expect(older.state.cluster).toBe(B);

    // The next newer reading is measured from the last newer one (B, at 20 s), not from the shared pass.
    const C = cluster(40_000, [part('orders', 0, 1, 700, 70_000)], [[1, 500_000]]);
    const next = derivePass(shared.state, pass(C));
    expect(pick(values(next.points), 'topic/orders/messagesInPerSec', 'topic/orders/bytesInPerSec')).toEqual({
      'topic/orders/messagesInPerSec': 20,
      'topic/orders/bytesInPerSec': 2_000,
    });
  });

  it('leaves for the next pass the newer cluster reading, its partition rates, the committed offsets and the groups time', () => {
    const first = derivePass(initialDeriveState(), pass(A, [group('billing', row('orders', 0, 80), row('orders', 1, null))], 10_400));
    expect(first.state).toEqual({
      cluster: A,
      rates: new Map(),
      bytesPerMessage: new Map(),
      committed: new Map([['billing', new Map([[partitionKey('orders', 0), 80]])]]),
      groupsTime: 10_400,
    });
    const second = derivePass(first.state, pass(B, [], 20_400));
    const { rates, bytesPerMessage } = partitionRates(A, B);
    expect(second.state).toEqual({ cluster: B, rates, bytesPerMessage, committed: new Map(), groupsTime: 20_400 });
  });

  it('marks a partial pass', () => {
    expect(pick(run(pass(A, [], 10_400, true)).each[0]!, 'cluster//partialPass')).toEqual({ 'cluster//partialPass': 1 });
    expect(pick(run(pass(A, [], 10_400, false)).each[0]!, 'cluster//partialPass')).toEqual({ 'cluster//partialPass': 0 });
  });
});

describe('derivePass: consumer groups', () => {
  it('sums lag per topic (labelled) and in total, negative lags as they are, null where no row has a lag', () => {
    const { each } = run(
      pass(A, [
        group(
          'billing',
          row('orders', 0, 90, 5),
          row('orders', 1, 40, -2),
          row('payments', 0, null, null),
          row('payments', 1, 7, null),
          row('audit', 0, 3, 7),
        ),
        group('idle', row('orders', 0, null, null), row('orders', 1, 10, null)),
      ]),
    );
    expect(pick(each[0]!, 'group/billing/lag', 'group/idle/lag', 'cluster//totalLag')).toEqual({
      'group/billing/lag': 10,
      'group/billing/lag topic=orders': 3,
      'group/billing/lag topic=payments': null,
      'group/billing/lag topic=audit': 7,
      'group/idle/lag': null,
      'group/idle/lag topic=orders': null,
      'cluster//totalLag': 10,
    });
  });

  it('gives time lag in seconds as the max over rows, per topic and in total, null where no row has one', () => {
    const { each } = run(
      pass(A, [
        group(
          'billing',
          row('orders', 0, 1, 0, 2_000),
          row('orders', 1, 1, 0, 7_000),
          row('orders', 2, 1, 0, 4_000),
          row('payments', 0, 1, 0, null),
          row('payments', 1, 1, 0, null),
          row('audit', 0, 1, 0, null),
          row('audit', 1, 1, 0, 500),
          row('ledger', 0, 1, 0, 250),
          row('ledger', 1, 1, 0, null),
        ),
        group('idle', row('orders', 0, 1, 0, null)),
      ]),
    );
    expect(pick(each[0]!, 'group/billing/timeLag', 'group/idle/timeLag', 'cluster//maxTimeLag')).toEqual({
      'group/billing/timeLagSeconds': 7,
      'group/billing/timeLagSeconds topic=orders': 7,
      'group/billing/timeLagSeconds topic=payments': null,
      'group/billing/timeLagSeconds topic=audit': 0.5,
      'group/billing/timeLagSeconds topic=ledger': 0.25,
      'group/idle/timeLagSeconds': null,
      'group/idle/timeLagSeconds topic=orders': null,
      'cluster//maxTimeLagSeconds': 7,
    });
  });

  it('records no time lag (not 0) for a group whose lagging partitions are unknown, a lower bound where one is known', () => {
    const { each } = run(
      pass(A, [
        group('stuck', row('orders', 0, 1, 616, null), row('orders', 1, 1, 0, 0)),
        group('partly', row('orders', 0, 1, 20, 9_000), row('payments', 0, 1, 5, null)),
      ]),
    );
    expect(pick(each[0]!, 'group/stuck/timeLag', 'group/partly/timeLag', 'cluster//maxTimeLag')).toEqual({
      'group/stuck/timeLagSeconds': null,
      'group/stuck/timeLagSeconds topic=orders': null,
      'group/partly/timeLagSeconds': 9,
      'group/partly/timeLagSeconds topic=orders': 9,
      'group/partly/timeLagSeconds topic=payments': null,
      'cluster//maxTimeLagSeconds': 9,
    });
  });

  it('sums lag and takes the max time lag over groups for the cluster', () => {
    const { each } = run(
      pass(A, [
        group('a', row('orders', 0, 1, 10, 3_000)),
        group('b', row('orders', 0, 1, -4, 7_000)),
        group('c', row('orders', 0, 1, null, null)),
      ]),
    );
    expect(pick(each[0]!, 'cluster//totalLag', 'cluster//maxTimeLag')).toEqual({ 'cluster//totalLag': 6, 'cluster//maxTimeLagSeconds': 7 });
  });

  it('gives messages consumed a second from committed offsets between passes, ignoring resets, and messages in from its committed partitions', () => {
    const { each, state } = run(
      pass(
        A,
        [
          group('billing', row('orders', 0, 80), row('orders', 1, 40), row('payments', 0, 0), row('payments', 1, null)),
          group('audit', row('orders', 0, null), row('orders', 1, 100)),
        ],
        10_400,
      ),
      pass(
        B,
        [
          group(
            'billing',
            row('orders', 0, 280), // +200 in 10 s: 20/s
            row('orders', 1, 30), // went back: reset, not consumption
            row('payments', 0, 10), // +10 in 10 s: 1/s
            row('payments', 1, 1_050), // no previous offset
          ),
          group('audit', row('orders', 0, null), row('orders', 1, 100)), // committed, unchanged: 0/s
          group('newcomer', row('orders', 0, 300)), // first seen
        ],
        20_400,
      ),
    );
    expect(
      pick(each[1]!, 'group/billing/messages', 'group/audit/messages', 'group/newcomer/messages', 'cluster//messagesConsumed'),
    ).toEqual({
      'group/billing/messagesConsumedPerSec': 21,
      // orders-0 20 + orders-1 10 + payments-0 4 + payments-1 10 msg/s.
      'group/billing/messagesInPerSec': 44,
      'group/audit/messagesConsumedPerSec': 0,
      // Only orders-1 is committed: 10 msg/s.
      'group/audit/messagesInPerSec': 10,
      'group/newcomer/messagesConsumedPerSec': null,
      'group/newcomer/messagesInPerSec': 20,
      'cluster//messagesConsumedPerSec': 21,
    });
    expect(state.committed).toEqual(
      new Map([
        [
          'billing',
          new Map([
            [partitionKey('orders', 0), 280],
            [partitionKey('orders', 1), 30],
            [partitionKey('payments', 0), 10],
            [partitionKey('payments', 1), 1_050],
          ]),
        ],
        ['audit', new Map([[partitionKey('orders', 1), 100]])],
        ['newcomer', new Map([[partitionKey('orders', 0), 300]])],
      ]),
    );

    // The next pass measures the reset partition from where it was reset to.
    const next = derivePass(state, pass(B, [group('billing', row('orders', 1, 50))], 30_400));
    expect(pick(values(next.points), 'group/billing/messagesConsumedPerSec')).toEqual({ 'group/billing/messagesConsumedPerSec': 2 });
  });

  it('gives null messages consumed when the groups time did not advance', () => {
    const first = derivePass(initialDeriveState(), pass(A, [group('billing', row('orders', 0, 80))], 10_400));
    const same = derivePass(first.state, pass(B, [group('billing', row('orders', 0, 90))], 10_400));
    expect(pick(values(same.points), 'group/billing/messages', 'cluster//messagesConsumed')).toEqual({
      'group/billing/messagesConsumedPerSec': null,
      'group/billing/messagesInPerSec': 20,
      'cluster//messagesConsumedPerSec': null,
    });
  });

  it('uses fractional seconds between group readings', () => {
    const first = derivePass(initialDeriveState(), pass(A, [group('billing', row('orders', 0, 0))], 10_000));
    const second = derivePass(first.state, pass(B, [group('billing', row('orders', 0, 1))], 13_000));
    expect(values(second.points)['group/billing/messagesConsumedPerSec']).toBeCloseTo(1 / 3, 12);
  });
});
