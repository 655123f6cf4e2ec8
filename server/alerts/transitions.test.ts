import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from '@/lib/schemas/alerts';
import type { GroupFacts, PassFacts, RuleWithId } from '@/server/alerts/observe';
import { transitions, type ActiveSince, type OpenAlert } from '@/server/alerts/transitions';

const rule = (id: string, input: Record<string, unknown>): RuleWithId => ({
  ...alertRuleInputSchema.parse({ name: `Rule ${id}`, clusterId: 'prod', ...input }),
  id,
});
const facts = (read: Partial<PassFacts>): PassFacts => ({ groups: null, atRisk: null, brokers: null, reassignments: null, ...read });
const withLag = (groupId: string, lag: number | null): GroupFacts => ({
  groupId,
  type: 'consumer',
  rows: [{ topic: 't', partition: 0, lag, timeLagMs: null, status: null }],
});
const key = (ruleId: string, subject: string) => `${ruleId}\u0000${subject}`;

const T = Date.UTC(2026, 2, 14, 9, 0, 0);
const lagRule = rule('lag', { kind: 'group-lag', threshold: 100 });
const slowLagRule = rule('slow', { kind: 'group-lag', threshold: 100, forMinutes: 2 });
const over = (groupId: string) => ({ subject: groupId, active: true, value: 500, message: `Consumer group "${groupId}" lag 500 > 100` });
const under = (groupId: string) => ({ subject: groupId, active: false, value: 5, message: `Consumer group "${groupId}" lag 5 ≤ 100` });
const none: ActiveSince = new Map();

describe('transitions', () => {
  it('fires at once with forMinutes 0', () => {
    expect(transitions({ rules: [lagRule], facts: facts({ groups: [withLag('g1', 500)] }), open: [], activeSince: none, now: T })).toEqual({
      fire: [{ rule: lagRule, observation: over('g1') }],
      resolve: [],
      activeSince: new Map([[key('lag', 'g1'), T]]),
    });
  });

  it('fires only once the condition has held forMinutes, counting from the first active pass', () => {
    const pass = (now: number, activeSince: ActiveSince) =>
      transitions({ rules: [slowLagRule], facts: facts({ groups: [withLag('g1', 500)] }), open: [], activeSince, now });
    const first = pass(T, none);
    expect(first).toEqual({ fire: [], resolve: [], activeSince: new Map([[key('slow', 'g1'), T]]) });
    const pending = pass(T + 119_999, first.activeSince);
    expect(pending).toEqual({ fire: [], resolve: [], activeSince: new Map([[key('slow', 'g1'), T]]) });
    expect(pass(T + 120_000, pending.activeSince)).toEqual({
      fire: [{ rule: slowLagRule, observation: over('g1') }],
      resolve: [],
      activeSince: new Map([[key('slow', 'g1'), T]]),
    });
  });

  it('restarts the count when the condition stops holding before forMinutes', () => {
    const pass = (now: number, lag: number, activeSince: ActiveSince) =>
      transitions({ rules: [slowLagRule], facts: facts({ groups: [withLag('g1', lag)] }), open: [], activeSince, now });
    const first = pass(T, 500, none);
    const cleared = pass(T + 60_000, 5, first.activeSince);
    expect(cleared).toEqual({ fire: [], resolve: [], activeSince: new Map() });
    const again = pass(T + 90_000, 500, cleared.activeSince);
    expect(again.activeSince).toEqual(new Map([[key('slow', 'g1'), T + 90_000]]));
    expect(pass(T + 180_000, 500, again.activeSince).fire).toEqual([]);
    expect(pass(T + 210_000, 500, again.activeSince).fire).toEqual([{ rule: slowLagRule, observation: over('g1') }]);
  });

  it('does not fire again while the alert is open', () => {
    const open: OpenAlert[] = [{ id: 7, ruleId: 'lag', subject: 'g1' }];
    const activeSince = new Map([[key('lag', 'g1'), T]]);
    expect(
      transitions({ rules: [lagRule], facts: facts({ groups: [withLag('g1', 500)] }), open, activeSince, now: T + 3_600_000 }),
    ).toEqual({
      fire: [],
      resolve: [],
      activeSince: new Map([[key('lag', 'g1'), T]]),
    });
  });

  it('resolves an open alert whose condition no longer holds, and forgets when it started', () => {
    const alert: OpenAlert = { id: 7, ruleId: 'lag', subject: 'g1' };
    const activeSince = new Map([[key('lag', 'g1'), T]]);
    expect(
      transitions({ rules: [lagRule], facts: facts({ groups: [withLag('g1', 5)] }), open: [alert], activeSince, now: T + 60_000 }),
    ).toEqual({
      fire: [],
      resolve: [{ alert, observation: under('g1'), reason: 'cleared' }],
      activeSince: new Map(),
    });
  });

  it('changes nothing when it cannot tell, and keeps counting', () => {
    const alert: OpenAlert = { id: 7, ruleId: 'lag', subject: 'g1' };
    const activeSince = new Map([
      [key('slow', 'g1'), T],
      [key('lag', 'g1'), T - 60_000],
    ]);
    const unknown = facts({ groups: [withLag('g1', null)] });
    expect(transitions({ rules: [lagRule, slowLagRule], facts: unknown, open: [alert], activeSince, now: T + 600_000 })).toEqual({
      fire: [],
      resolve: [],
      activeSince: new Map([
        [key('lag', 'g1'), T - 60_000],
        [key('slow', 'g1'), T],
      ]),
    });
    // Nothing counting yet: nothing starts.
    expect(transitions({ rules: [slowLagRule], facts: unknown, open: [], activeSince: none, now: T })).toEqual({
      fire: [],
      resolve: [],
      activeSince: new Map(),
    });
  });

  it('resolves as gone an open alert whose subject is no longer observed although the facts were read', () => {
    const alert: OpenAlert = { id: 7, ruleId: 'lag', subject: 'deleted-group' };
    const activeSince = new Map([
      [key('lag', 'deleted-group'), T],
      [key('lag', 'g2'), T],
    ]);
    expect(
      transitions({ rules: [lagRule], facts: facts({ groups: [withLag('g2', 500)] }), open: [alert], activeSince, now: T + 60_000 }),
    ).toEqual({
      fire: [{ rule: lagRule, observation: over('g2') }],
      resolve: [{ alert, observation: null, reason: 'gone' }],
      activeSince: new Map([[key('lag', 'g2'), T]]),
    });
    expect(transitions({ rules: [lagRule], facts: facts({ groups: [] }), open: [alert], activeSince: none, now: T })).toEqual({
      fire: [],
      resolve: [{ alert, observation: null, reason: 'gone' }],
      activeSince: new Map(),
    });
  });

  it('keeps open alerts open and their counts when the facts were not read', () => {
    const brokerRule = rule('brokers', { kind: 'broker-missing', forMinutes: 5 });
    const open: OpenAlert[] = [
      { id: 7, ruleId: 'lag', subject: 'g1' },
      { id: 8, ruleId: 'brokers', subject: '2' },
    ];
    const activeSince = new Map([
      [key('lag', 'g1'), T - 600_000],
      [key('lag', 'g3'), T - 60_000],
      [key('brokers', '2'), T - 900_000],
      [key('brokers', '3'), T - 60_000],
      [key('lagging', 'g1'), T - 60_000],
    ]);
    const result = transitions({ rules: [lagRule, brokerRule], facts: facts({ groups: null, brokers: null }), open, activeSince, now: T });
    expect(result).toEqual({
      fire: [],
      resolve: [],
      activeSince: new Map([
        [key('lag', 'g1'), T - 600_000],
        [key('lag', 'g3'), T - 60_000],
        [key('brokers', '2'), T - 900_000],
        [key('brokers', '3'), T - 60_000],
      ]),
    });
  });

  it('resolves the open alerts of a rule that no longer exists', () => {
    const alert: OpenAlert = { id: 9, ruleId: 'deleted-rule', subject: 'g1' };
    const activeSince = new Map([[key('deleted-rule', 'g1'), T - 60_000]]);
    expect(transitions({ rules: [lagRule], facts: facts({ groups: [] }), open: [alert], activeSince, now: T })).toEqual({
      fire: [],
      resolve: [{ alert, observation: null, reason: 'rule removed' }],
      activeSince: new Map(),
    });
    expect(transitions({ rules: [], facts: facts({}), open: [alert], activeSince, now: T }).resolve).toEqual([
      { alert, observation: null, reason: 'rule removed' },
    ]);
  });

  it('treats rules and subjects independently', () => {
    const brokerRule = rule('brokers', { kind: 'broker-missing', forMinutes: 5 });
    const stallRule = rule('stall', { kind: 'reassignment-stalled' });
    const openLagG2: OpenAlert = { id: 1, ruleId: 'lag', subject: 'g2' };
    const openBroker3: OpenAlert = { id: 2, ruleId: 'brokers', subject: '3' };
    const openStallJ1: OpenAlert = { id: 3, ruleId: 'stall', subject: 'j1' };
    const pass = transitions({
      rules: [lagRule, brokerRule, stallRule],
      facts: facts({
        groups: [withLag('g1', 500), withLag('g2', 5), withLag('g3', 500)],
        brokers: [
          { id: 1, host: 'b1', port: 9092, up: false },
          { id: 2, host: 'b2', port: 9092, up: false },
          { id: 3, host: 'b3', port: 9092, up: true },
        ],
        reassignments: null,
      }),
      open: [openLagG2, openBroker3, openStallJ1],
      activeSince: new Map([
        [key('lag', 'g2'), T - 600_000],
        [key('brokers', '1'), T - 300_000],
        [key('brokers', '3'), T - 3_600_000],
        [key('stall', 'j1'), T - 120_000],
      ]),
      now: T,
    });
    expect(pass).toEqual({
      fire: [
        { rule: lagRule, observation: over('g1') },
        { rule: lagRule, observation: over('g3') },
        {
          rule: brokerRule,
          observation: { subject: '1', active: true, value: 1, message: 'Broker 1 (b1:9092) is missing from the cluster' },
        },
      ],
      resolve: [
        { alert: openLagG2, observation: under('g2'), reason: 'cleared' },
        {
          alert: openBroker3,
          observation: { subject: '3', active: false, value: 0, message: 'Broker 3 (b3:9092) is up' },
          reason: 'cleared',
        },
      ],
      activeSince: new Map([
        [key('lag', 'g1'), T],
        [key('lag', 'g3'), T],
        [key('brokers', '1'), T - 300_000],
        [key('brokers', '2'), T],
        [key('stall', 'j1'), T - 120_000],
      ]),
    });
  });
});
