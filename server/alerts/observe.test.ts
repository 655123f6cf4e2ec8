import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from '@/lib/schemas/alerts';
import type { LagStatus } from '@/lib/schemas/consumer-groups';
import { factsReadFor, observe, type GroupFacts, type PassFacts, type RuleWithId } from '@/server/alerts/observe';

const rule = (input: Record<string, unknown>, id = 'r1'): RuleWithId => ({
  ...alertRuleInputSchema.parse({ name: 'A rule', clusterId: 'prod', ...input }),
  id,
});

const facts = (read: Partial<PassFacts>): PassFacts => ({ groups: null, atRisk: null, brokers: null, reassignments: null, ...read });

type Row = GroupFacts['rows'][number];
const row = (topic: string, partition: number, known: Partial<Omit<Row, 'topic' | 'partition'>>): Row => ({
  topic,
  partition,
  lag: null,
  timeLagMs: null,
  status: null,
  ...known,
});
const group = (groupId: string, rows: Row[], type: GroupFacts['type'] = 'consumer'): GroupFacts => ({ groupId, type, rows });
const lags = (groupId: string, topic: string, values: (number | null)[]) =>
  group(
    groupId,
    values.map((lag, partition) => row(topic, partition, { lag })),
  );
const statuses = (groupId: string, topic: string, values: (LagStatus | null)[]) =>
  group(
    groupId,
    values.map((status, partition) => row(topic, partition, { status })),
  );
const timeLags = (groupId: string, topic: string, values: (number | null)[]) =>
  group(
    groupId,
    values.map((timeLagMs, partition) => row(topic, partition, { timeLagMs })),
  );

describe('observe: group-lag', () => {
  it('sums the lags of the rows on the matching topics, negative lags as they are', () => {
    const r = rule({ kind: 'group-lag', threshold: 100, topicPattern: 'orders-*' });
    const g1 = group('g1', [row('orders-a', 0, { lag: 60 }), row('orders-b', 1, { lag: 50 }), row('payments', 0, { lag: 1_000 })]);
    const g2 = group('g2', [row('orders-a', 0, { lag: 120 }), row('orders-a', 1, { lag: -30 }), row('payments', 0, { lag: 5_000 })]);
    expect(observe(r, facts({ groups: [g1, g2] }))).toEqual([
      { subject: 'g1', active: true, value: 110, message: 'Consumer group "g1" lag 110 > 100 on topics orders-*' },
      { subject: 'g2', active: false, value: 90, message: 'Consumer group "g2" lag 90 ≤ 100 on topics orders-*' },
    ]);
  });

  it('names share and streams groups as such; their rules work the same by group id', () => {
    const r = rule({ kind: 'group-lag', threshold: 5, groupPattern: 'queue-*' });
    const share = group('queue-a', [row('t', 0, { lag: 9 })], 'share');
    const streams = group('queue-b', [row('t', 0, { lag: 2 })], 'streams');
    expect(observe(r, facts({ groups: [share, streams] }))).toEqual([
      { subject: 'queue-a', active: true, value: 9, message: 'Share group "queue-a" lag 9 > 5' },
      { subject: 'queue-b', active: false, value: 2, message: 'Streams group "queue-b" lag 2 ≤ 5' },
    ]);
  });

  it('is strict: a lag equal to the threshold is not active', () => {
    const r = rule({ kind: 'group-lag', threshold: 1_000 });
    expect(observe(r, facts({ groups: [lags('at', 't', [400, 600]), lags('over', 't', [400, 601])] }))).toEqual([
      { subject: 'at', active: false, value: 1_000, message: 'Consumer group "at" lag 1,000 ≤ 1,000' },
      { subject: 'over', active: true, value: 1_001, message: 'Consumer group "over" lag 1,001 > 1,000' },
    ]);
  });

  it('leaves unknown lags out of the sum', () => {
    const r = rule({ kind: 'group-lag', threshold: 10 });
    expect(observe(r, facts({ groups: [lags('g', 't', [null, 7, null, 4])] }))).toEqual([
      { subject: 'g', active: true, value: 11, message: 'Consumer group "g" lag 11 > 10' },
    ]);
  });

  it('cannot tell when no lag of the matching rows is known', () => {
    const r = rule({ kind: 'group-lag', threshold: 10, topicPattern: 'orders' });
    const g = group('g', [row('orders', 0, { lag: null }), row('orders', 1, { lag: null }), row('other', 0, { lag: 99 })]);
    const [observation, ...rest] = observe(r, facts({ groups: [g] }));
    expect(rest).toEqual([]);
    expect({ subject: observation?.subject, active: observation?.active, value: observation?.value }).toEqual({
      subject: 'g',
      active: null,
      value: null,
    });
    expect(observation?.message).toBe('Consumer group "g" lag unknown (threshold 10) on topics orders');
  });

  it('observes only the groups matching groupPattern (* and ?)', () => {
    const groups = ['orders-1', 'orders-12', 'billing', 'orders-'].map((id) => lags(id, 't', [1]));
    const subjects = (groupPattern: string) =>
      observe(rule({ kind: 'group-lag', threshold: 0, groupPattern }), facts({ groups })).map((o) => o.subject);
    expect(subjects('orders-?')).toEqual(['orders-1']);
    expect(subjects('orders-*')).toEqual(['orders-1', 'orders-12', 'orders-']);
    expect(subjects('*')).toEqual(['orders-1', 'orders-12', 'billing', 'orders-']);
    expect(subjects('billing')).toEqual(['billing']);
    expect(observe(rule({ kind: 'group-lag', threshold: 0 }), facts({ groups })).map((o) => o.subject)).toEqual([
      'orders-1',
      'orders-12',
      'billing',
      'orders-',
    ]);
  });

  it('gives no observation for a group without rows on the matching topics', () => {
    const r = rule({ kind: 'group-lag', threshold: 0, topicPattern: 'orders-*' });
    const groups = [lags('elsewhere', 'payments', [500]), group('empty', []), lags('here', 'orders-x', [0])];
    expect(observe(r, facts({ groups }))).toEqual([
      { subject: 'here', active: false, value: 0, message: 'Consumer group "here" lag 0 ≤ 0 on topics orders-*' },
    ]);
  });
});

describe('observe: group-time-lag', () => {
  it('takes the largest time lag in seconds, strictly above the threshold', () => {
    const r = rule({ kind: 'group-time-lag', thresholdSeconds: 300 });
    const groups = [timeLags('at', 't', [100_000, 300_000, null]), timeLags('over', 't', [null, 300_500, 12_000])];
    expect(observe(r, facts({ groups }))).toEqual([
      { subject: 'at', active: false, value: 300, message: 'Consumer group "at" is 5 min behind ≤ 5 min' },
      { subject: 'over', active: true, value: 300.5, message: 'Consumer group "over" is 5 min behind > 5 min' },
    ]);
  });

  it('reads seconds, minutes and hours in its message, and the topic scope', () => {
    const r = rule({ kind: 'group-time-lag', thresholdSeconds: 60, topicPattern: 'orders' });
    const groups = [
      group('s', [row('orders', 0, { timeLagMs: 45_000 }), row('other', 0, { timeLagMs: 99_000_000 })]),
      timeLags('h', 'orders', [9_000_000]),
    ];
    expect(observe(r, facts({ groups }))).toEqual([
      { subject: 's', active: false, value: 45, message: 'Consumer group "s" is 45 s behind ≤ 60 s on topics orders' },
      { subject: 'h', active: true, value: 9_000, message: 'Consumer group "h" is 2.5 h behind > 60 s on topics orders' },
    ]);
  });

  it('cannot tell when no time lag is known', () => {
    const r = rule({ kind: 'group-time-lag', thresholdSeconds: 60 });
    const [observation, ...rest] = observe(r, facts({ groups: [timeLags('g', 't', [null, null])] }));
    expect(rest).toEqual([]);
    expect({ subject: observation?.subject, active: observation?.active, value: observation?.value }).toEqual({
      subject: 'g',
      active: null,
      value: null,
    });
    expect(observation?.message).toBe('Consumer group "g" is an unknown time behind (threshold 60 s)');
  });
});

describe('observe: group-status', () => {
  it('takes the worst status (OK < WARN < REWIND < STALL < STOP), active when it is one of the rule statuses', () => {
    const r = rule({ kind: 'group-status' }); // default statuses: STALL, STOP
    const groups = [
      statuses('stall', 't', ['WARN', 'STALL', 'OK']),
      statuses('rewind', 't', ['REWIND', 'WARN', 'OK']),
      statuses('stop', 't', ['STALL', 'STOP', 'REWIND']),
      statuses('ok', 't', ['OK', 'OK']),
      statuses('warn', 't', ['OK', 'WARN']),
    ];
    expect(observe(r, facts({ groups }))).toEqual([
      { subject: 'stall', active: true, value: 3, message: 'Consumer group "stall" status STALL' },
      { subject: 'rewind', active: false, value: 2, message: 'Consumer group "rewind" status REWIND' },
      { subject: 'stop', active: true, value: 4, message: 'Consumer group "stop" status STOP' },
      { subject: 'ok', active: false, value: 0, message: 'Consumer group "ok" status OK' },
      { subject: 'warn', active: false, value: 1, message: 'Consumer group "warn" status WARN' },
    ]);
  });

  it('is active only for the worst status itself being listed, not for a worse one', () => {
    const r = rule({ kind: 'group-status', statuses: ['WARN'] });
    const groups = [statuses('warn', 't', ['OK', 'WARN']), statuses('worse', 't', ['WARN', 'REWIND'])];
    expect(observe(r, facts({ groups })).map((o) => [o.subject, o.active])).toEqual([
      ['warn', true],
      ['worse', false],
    ]);
  });

  it('ignores unknown statuses and rows on other topics', () => {
    const r = rule({ kind: 'group-status', topicPattern: 'orders-*' });
    const g = group('g', [
      row('orders-a', 0, { status: null }),
      row('orders-b', 0, { status: 'WARN' }),
      row('payments', 0, { status: 'STOP' }),
    ]);
    expect(observe(r, facts({ groups: [g] }))).toEqual([
      { subject: 'g', active: false, value: 1, message: 'Consumer group "g" status WARN on topics orders-*' },
    ]);
  });

  it('cannot tell while every status is still being collected', () => {
    const r = rule({ kind: 'group-status' });
    expect(observe(r, facts({ groups: [statuses('g', 't', [null, null])] }))).toEqual([
      { subject: 'g', active: null, value: null, message: 'Consumer group "g" status not known yet (collecting samples)' },
    ]);
  });
});

describe('observe: partitions-at-risk', () => {
  it('counts the partitions with one of the rule conditions, for the cluster as a whole', () => {
    const r = rule({ kind: 'partitions-at-risk', conditions: ['offline', 'under-min-isr'] });
    const atRisk = [
      { topic: 't', partition: 0, reasons: ['under-replicated', 'under-min-isr'] },
      { topic: 't', partition: 1, reasons: ['non-preferred-leader'] },
      { topic: 't', partition: 2, reasons: ['offline', 'leaderless', 'under-min-isr'] },
      { topic: 'u', partition: 0, reasons: ['under-replicated'] },
    ];
    expect(observe(r, facts({ atRisk }))).toEqual([
      { subject: '', active: true, value: 2, message: '2 partitions at risk: t-0 (under-min-isr), t-2 (offline, under-min-isr)' },
    ]);
  });

  it('uses every condition by default, and says one partition in the singular', () => {
    const r = rule({ kind: 'partitions-at-risk' });
    const atRisk = [
      { topic: 't', partition: 3, reasons: ['under-replicated', 'non-preferred-leader'] },
      { topic: 't', partition: 4, reasons: ['non-preferred-leader'] },
    ];
    expect(observe(r, facts({ atRisk }))).toEqual([
      { subject: '', active: true, value: 1, message: '1 partition at risk: t-3 (under-replicated)' },
    ]);
  });

  it('keeps to the topic pattern and is inactive when nothing is at risk', () => {
    const r = rule({ kind: 'partitions-at-risk', conditions: ['offline', 'under-min-isr'], topicPattern: 'orders-*' });
    const atRisk = [
      { topic: 'payments', partition: 0, reasons: ['offline'] },
      { topic: 'orders-a', partition: 0, reasons: ['non-preferred-leader', 'under-replicated'] },
    ];
    const quiet = { subject: '', active: false, value: 0, message: 'No partition is offline, under-min-isr on topics orders-*' };
    expect(observe(r, facts({ atRisk }))).toEqual([quiet]);
    expect(observe(r, facts({ atRisk: [] }))).toEqual([quiet]);
    expect(observe(r, facts({ atRisk: [...atRisk, { topic: 'orders-b', partition: 7, reasons: ['offline'] }] }))).toEqual([
      { subject: '', active: true, value: 1, message: '1 partition at risk: orders-b-7 (offline)' },
    ]);
  });

  it('lists at most five partitions in its message', () => {
    const r = rule({ kind: 'partitions-at-risk' });
    const offline = (n: number) => Array.from({ length: n }, (_, partition) => ({ topic: 't', partition, reasons: ['offline'] }));
    expect(observe(r, facts({ atRisk: offline(5) }))).toEqual([
      {
        subject: '',
        active: true,
        value: 5,
        message: '5 partitions at risk: t-0 (offline), t-1 (offline), t-2 (offline), t-3 (offline), t-4 (offline)',
      },
    ]);
    expect(observe(r, facts({ atRisk: offline(1_200) }))).toEqual([
      {
        subject: '',
        active: true,
        value: 1_200,
        message: '1,200 partitions at risk: t-0 (offline), t-1 (offline), t-2 (offline), t-3 (offline), t-4 (offline), …',
      },
    ]);
  });
});

describe('observe: broker-missing and reassignment-stalled', () => {
  it('observes each broker, active when it is down', () => {
    const brokers = [
      { id: 1, host: 'b1.example', port: 9092, up: true },
      { id: 2, host: 'b2.example', port: 9093, up: false },
    ];
    expect(observe(rule({ kind: 'broker-missing' }), facts({ brokers }))).toEqual([
      { subject: '1', active: false, value: 0, message: 'Broker 1 (b1.example:9092) is up' },
      { subject: '2', active: true, value: 1, message: 'Broker 2 (b2.example:9093) is missing from the cluster' },
    ]);
  });

  it('observes each reassignment job, active when it is stalled', () => {
    const reassignments = [
      { jobId: 'job-a', stalled: true, partitions: 1_200 },
      { jobId: 'job-b', stalled: false, partitions: 3 },
    ];
    expect(observe(rule({ kind: 'reassignment-stalled' }), facts({ reassignments }))).toEqual([
      { subject: 'job-a', active: true, value: 1, message: 'Reassignment job-a (1,200 partitions) copies nothing: stalled' },
      { subject: 'job-b', active: false, value: 0, message: 'Reassignment job-b (3 partitions) is moving' },
    ]);
  });
});

describe('observe without the facts of its kind', () => {
  const everything: PassFacts = {
    groups: [lags('g', 't', [5_000])],
    atRisk: [{ topic: 't', partition: 0, reasons: ['offline'] }],
    brokers: [{ id: 1, host: 'b1', port: 9092, up: false }],
    reassignments: [{ jobId: 'j', stalled: true, partitions: 1 }],
  };
  it.each([
    [{ kind: 'group-lag', threshold: 0 }, 'groups'],
    [{ kind: 'group-time-lag', thresholdSeconds: 1 }, 'groups'],
    [{ kind: 'group-status' }, 'groups'],
    [{ kind: 'partitions-at-risk' }, 'atRisk'],
    [{ kind: 'broker-missing' }, 'brokers'],
    [{ kind: 'reassignment-stalled' }, 'reassignments'],
  ] as const)('%o reads %s', (input, part) => {
    const r = rule(input);
    expect(factsReadFor(r, everything)).toBe(true);
    expect(observe(r, everything).length).toBe(1);
    const without = { ...everything, [part]: null };
    expect(observe(r, without)).toEqual([]);
    expect(factsReadFor(r, without)).toBe(false);
    expect(factsReadFor(r, facts({}))).toBe(false);
    expect(observe(r, facts({}))).toEqual([]);
  });

  it('has read the facts even when there is nothing in them', () => {
    const read = facts({ groups: [], brokers: [], reassignments: [] });
    for (const input of [{ kind: 'group-lag', threshold: 0 }, { kind: 'broker-missing' }, { kind: 'reassignment-stalled' }]) {
      expect(observe(rule(input), read)).toEqual([]);
      expect(factsReadFor(rule(input), read)).toBe(true);
    }
  });
});
