// Storage tests of alert rules, alerts and their deliveries: on PGlite always, and on PostgreSQL too when
// TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRuleInputSchema, alertEventsQuerySchema } from '@/lib/schemas/alerts';
import { openDb } from '@/server/db/open';
import type { OpenedDb } from '@/server/db/types';
import { testEngines, type FreshDb } from '@/test/support/db-engines';
import { claimDueDeliveries, finishDelivery } from '@/server/alerts/delivery-store';
import { fireAlert, firingCounts, listEvents, openAlerts, resolveAlert } from '@/server/alerts/event-store';
import type { RuleWithId } from '@/server/alerts/observe';
import { deleteStoredRule, findStoredRule, insertStoredRule, listStoredRules, updateStoredRule } from '@/server/alerts/rule-store';

const T0 = Date.UTC(2026, 11, 2, 12, 0, 0);
const rule = (id: string, extra: Record<string, unknown> = {}): RuleWithId => ({
  ...alertRuleInputSchema.parse({
    kind: 'group-lag',
    name: `rule ${id}`,
    clusterId: 'local',
    threshold: 10,
    channels: ['hook', 'chat'],
    ...extra,
  }),
  id,
});
const observation = (subject: string, value = 50) => ({ subject, active: true, value, message: `group ${subject} lag ${value} > 10` });
const query = (q: Record<string, string> = {}) => alertEventsQuerySchema.parse(q);
const RETRY = { retryDelaysMs: [1_000, 5_000] };

describe.each(testEngines())('alert storage on $name', { timeout: 60_000 }, (engine) => {
  let fresh: FreshDb;
  let opened: OpenedDb;
  beforeAll(async () => {
    fresh = await engine.fresh();
    opened = await openDb(fresh.target);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await fresh?.cleanup();
  });

  it('stores rules as specs, updates and deletes them', async () => {
    const spec = alertRuleInputSchema.parse({ kind: 'group-status', name: 'stopped groups', clusterId: 'local', groupPattern: 'orders-*' });
    const stored = await insertStoredRule(spec, 'ada', opened.db);
    expect(stored).toMatchObject({ ...spec, createdBy: 'ada', statuses: ['STALL', 'STOP'], forMinutes: 0, muted: false });
    expect(await findStoredRule(stored.id, opened.db)).toEqual(stored);
    const updated = await updateStoredRule(stored.id, { ...spec, muted: true }, opened.db);
    expect(updated?.muted).toBe(true);
    expect(updated!.updatedAt).toBeGreaterThanOrEqual(stored.updatedAt);
    expect((await listStoredRules(opened.db)).map((r) => r.id)).toEqual([stored.id]);
    expect(await deleteStoredRule(stored.id, opened.db)).toBe(true);
    expect(await deleteStoredRule(stored.id, opened.db)).toBe(false);
    expect(await findStoredRule(stored.id, opened.db)).toBeNull();
  });

  it('opens one alert per rule and subject however often it fires, and queues a delivery per channel', async () => {
    const r = rule('r1');
    const first = await fireAlert({ clusterId: 'local', rule: r, observation: observation('g1'), now: T0 }, opened.db);
    expect(first).toEqual(expect.any(Number));
    // Another pass, or another console, firing the same: nothing new.
    const [again, other] = await Promise.all([
      fireAlert({ clusterId: 'local', rule: r, observation: observation('g1', 60), now: T0 + 1_000 }, opened.db),
      fireAlert({ clusterId: 'local', rule: r, observation: observation('g2'), now: T0 + 1_000 }, opened.db),
    ]);
    expect(again).toBeNull();
    expect(other).toEqual(expect.any(Number));
    expect((await openAlerts('local', opened.db)).map((a) => a.subject).sort()).toEqual(['g1', 'g2']);
    expect(await openAlerts('elsewhere', opened.db)).toEqual([]);
    expect((await firingCounts(opened.db)).get('r1')).toBe(2);
    const { events } = await listEvents(query({ ruleId: 'r1' }), null, opened.db);
    const g1 = events.find((e) => e.subject === 'g1')!;
    expect(g1).toMatchObject({
      state: 'firing',
      value: 50,
      message: 'group g1 lag 50 > 10',
      muted: false,
      startedAt: T0,
      resolvedAt: null,
      ruleName: 'rule r1',
      kind: 'group-lag',
    });
    expect(g1.deliveries.map((d) => [d.channelId, d.transition, d.status, d.attempts])).toEqual([
      ['hook', 'firing', 'pending', 0],
      ['chat', 'firing', 'pending', 0],
    ]);
  });

  it('sends each due delivery once: claimed deliveries are not handed out again until their lease ends', async () => {
    const claimed = await claimDueDeliveries(T0 + 2_000, T0 + 30_000, 10, opened.db);
    expect(claimed.map((d) => [d.event.subject, d.channelId])).toEqual([
      ['g1', 'hook'],
      ['g1', 'chat'],
      ['g2', 'hook'],
      ['g2', 'chat'],
    ]);
    expect(claimed[0]!.event).toMatchObject({
      ruleId: 'r1',
      clusterId: 'local',
      value: 50,
      startedAt: T0,
      resolvedAt: null,
      kind: 'group-lag',
    });
    expect(await claimDueDeliveries(T0 + 3_000, T0 + 30_000, 10, opened.db)).toEqual([]);
    // Sent, or failed: retried after the next delay until the delays run out.
    const [g1hook, g1chat, g2hook, g2chat] = claimed;
    await finishDelivery(g1hook!, { ok: true }, { now: T0 + 4_000, ...RETRY }, opened.db);
    await finishDelivery(g1chat!, { ok: false, error: 'HTTP 500' }, { now: T0 + 4_000, ...RETRY }, opened.db);
    await finishDelivery(g2hook!, { ok: true }, { now: T0 + 4_000, ...RETRY }, opened.db);
    await finishDelivery(g2chat!, { ok: true }, { now: T0 + 4_000, ...RETRY }, opened.db);
    expect(await claimDueDeliveries(T0 + 4_999, T0 + 30_000, 10, opened.db)).toEqual([]);
    const retry = await claimDueDeliveries(T0 + 5_000, T0 + 30_000, 10, opened.db);
    expect(retry.map((d) => [d.channelId, d.attempts])).toEqual([['chat', 1]]);
    await finishDelivery(retry[0]!, { ok: false, error: 'HTTP 502' }, { now: T0 + 6_000, ...RETRY }, opened.db);
    const last = await claimDueDeliveries(T0 + 11_000, T0 + 30_000, 10, opened.db);
    await finishDelivery(last[0]!, { ok: false, error: 'no answer within 5000 ms' }, { now: T0 + 11_000, ...RETRY }, opened.db);
    expect(await claimDueDeliveries(T0 + 999_000, T0 + 999_000, 10, opened.db)).toEqual([]);
    const { events } = await listEvents(query({ ruleId: 'r1' }), null, opened.db);
    const chat = events.find((e) => e.subject === 'g1')!.deliveries.find((d) => d.channelId === 'chat')!;
    expect(chat).toEqual({
      channelId: 'chat',
      transition: 'firing',
      status: 'failed',
      attempts: 3,
      lastError: 'no answer within 5000 ms',
      lastAttemptAt: T0 + 11_000,
      sentAt: null,
    });
    const hook = events.find((e) => e.subject === 'g1')!.deliveries.find((d) => d.channelId === 'hook')!;
    expect(hook).toMatchObject({ status: 'sent', attempts: 1, sentAt: T0 + 4_000, lastError: null });
  });

  it('resolves once, telling the channels that were told of the firing', async () => {
    const [g1] = (await openAlerts('local', opened.db)).filter((a) => a.subject === 'g1');
    expect(
      await resolveAlert({ alertId: g1!.id, resolution: 'group g1 lag 0 ≤ 10', now: T0 + 60_000, notify: { muted: false } }, opened.db),
    ).toBe(true);
    expect(await resolveAlert({ alertId: g1!.id, resolution: 'again', now: T0 + 61_000, notify: { muted: false } }, opened.db)).toBe(false);
    const { events } = await listEvents(query({ ruleId: 'r1', state: 'resolved' }), null, opened.db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject: 'g1', state: 'resolved', resolution: 'group g1 lag 0 ≤ 10', resolvedAt: T0 + 60_000 });
    // Both channels were told (one delivery failed, but it was attempted): both hear of the end.
    expect(
      events[0]!.deliveries
        .filter((d) => d.transition === 'resolved')
        .map((d) => [d.channelId, d.status])
        .sort(),
    ).toEqual([
      ['chat', 'pending'],
      ['hook', 'pending'],
    ]);
    // It can fire again: a new alert.
    expect(
      await fireAlert({ clusterId: 'local', rule: rule('r1'), observation: observation('g1', 70), now: T0 + 120_000 }, opened.db),
    ).toEqual(expect.any(Number));
  });

  it('records a muted rule’s alerts without sending anything, also when they resolve', async () => {
    const muted = rule('r-muted', { muted: true });
    const id = await fireAlert({ clusterId: 'local', rule: muted, observation: observation('g9'), now: T0 }, opened.db);
    await resolveAlert({ alertId: id!, resolution: 'cleared', now: T0 + 1_000, notify: { muted: true } }, opened.db);
    const { events } = await listEvents(query({ ruleId: 'r-muted' }), null, opened.db);
    expect(events[0]).toMatchObject({ muted: true, state: 'resolved' });
    // Muted at firing: no channel was told, so none is told of the end either.
    expect(events[0]!.deliveries.map((d) => d.status)).toEqual(['muted', 'muted']);
    const due = await claimDueDeliveries(T0 + 10_000_000, T0 + 10_000_000, 100, opened.db);
    expect(due.filter((d) => d.event.ruleId === 'r-muted')).toEqual([]);
  });

  it('lists newest first with filters, paging and the caller’s clusters', async () => {
    await fireAlert(
      { clusterId: 'prod', rule: { ...rule('r-prod'), clusterId: 'prod' }, observation: observation('p1'), now: T0 + 500_000 },
      opened.db,
    );
    const all = await listEvents(query(), null, opened.db);
    expect(all.events[0]).toMatchObject({ clusterId: 'prod', subject: 'p1' });
    expect(all.events.map((e) => e.startedAt)).toEqual([...all.events.map((e) => e.startedAt)].sort((a, b) => b - a));
    expect((await listEvents(query({ clusterId: 'prod' }), null, opened.db)).total).toBe(1);
    expect((await listEvents(query(), ['local'], opened.db)).events.every((e) => e.clusterId === 'local')).toBe(true);
    expect(await listEvents(query(), [], opened.db)).toEqual({ total: 0, events: [] });
    const page = await listEvents(query({ limit: '2', offset: '1' }), null, opened.db);
    expect(page.total).toBe(all.total);
    expect(page.events.map((e) => e.id)).toEqual(all.events.slice(1, 3).map((e) => e.id));
    expect((await listEvents(query({ state: 'firing' }), null, opened.db)).events.every((e) => e.resolvedAt === null)).toBe(true);
  });
});
