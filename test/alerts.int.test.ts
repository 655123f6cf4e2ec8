// Alerts on a real cluster: a live consumer group, a lag rule and a status rule made through the API, sampling every
// second with the console's own pass handler (metrics, then alerts) and its notifier; webhooks go to a receiver on
// loopback. Stop the consumer → the rules fire to every channel (one delivery retried after a 500) → start it again
// → resolved is sent; muted → it fires in the history and nothing is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteRule, PATCH as patchRule } from '@/app/api/v1/alerts/rules/[ruleId]/route';
import { GET as listRules, POST as createRule } from '@/app/api/v1/alerts/rules/route';
import { GET as listEventsRoute } from '@/app/api/v1/alerts/events/route';
import { alertEventsResponseSchema, alertRuleSchema, alertRulesResponseSchema, type AlertEvent } from '@/lib/schemas/alerts';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { startLagSampler, stopLagSampler } from '@/server/sampling/sampler';
import { stopMetricsRecorder } from '@/server/metrics/recorders';
import { startAlertNotifier, stopAlertNotifier } from '@/server/alerts/notifier';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { groupOffsetsFromCli, startConsumer, waitFor } from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { produceRecords } from './support/records-cli';
import { callRoute } from './support/routes';
import { startWebhookReceiver, type Received } from './support/webhook-receiver';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const topic = `it-alerts-${stamp}`;
const group = `it-alerts-group-${stamp}`;
const CHANNELS = ['it-generic', 'it-slack', 'it-dingtalk', 'it-feishu', 'it-wecom'];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let consumer: ReturnType<typeof startConsumer> | undefined;
let lagRuleId = '';
let statusRuleId = '';

const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const admin = { token: TEST_TOKENS.admin };
const events = async (query = '') => {
  const { status, body } = await callRoute(listEventsRoute, `/api/v1/alerts/events?${query}`, {});
  expect(status).toBe(200);
  return alertEventsResponseSchema.parse(body).events;
};
const eventOf = async (ruleId: string, state?: 'firing' | 'resolved') =>
  (await events(`ruleId=${ruleId}${state ? `&state=${state}` : ''}`)).find((e) => e.subject === group);
/** What the receiver got about one rule, per channel path. */
const about = (ruleId: string, status: 'firing' | 'resolved', path: string) =>
  receiver.received.filter(
    (r) =>
      r.path === path &&
      isFor(r, ruleId) &&
      (path === '/generic'
        ? (r.body as { status: string }).status === status
        : JSON.stringify(r.body).includes(`[${status.toUpperCase()}]`)),
  );
const isFor = (r: Received, ruleId: string) =>
  r.path === '/generic' ? (r.body as { rule: { id: string } }).rule.id === ruleId : JSON.stringify(r.body).includes(ruleName(ruleId));
const ruleName = (ruleId: string) => (ruleId === lagRuleId ? `lag of ${group}` : `status of ${group}`);
const genericFor = (ruleId: string, status: 'firing' | 'resolved') =>
  receiver.received.filter((r) => r.path === '/generic' && isFor(r, ruleId) && (r.body as { status: string }).status === status);

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function startGroup() {
  consumer = startConsumer(topic, group, { 'client.id': `alerts-${stamp}`, 'auto.commit.interval.ms': '500' });
}
const caughtUp = () =>
  waitFor(
    'the group to have consumed everything',
    () => {
      const rows = groupOffsetsFromCli([group]);
      return rows.length === 2 && rows.every((r) => r.consumerId !== null && r.lag === '0') ? true : undefined;
    },
    { attempts: 90 },
  );

describe(`alerts on ${target.label}: rules fire and resolve to webhooks`, () => {
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '2',
      '--replication-factor',
      '2',
    ]);
    produceRecords(topic, 100);
    startGroup();
    await caughtUp();
    const lag = await callRoute(
      createRule,
      '/api/v1/alerts/rules',
      {},
      {
        ...admin,
        init: json({
          kind: 'group-lag',
          name: `lag of ${group}`,
          clusterId: 'local',
          groupPattern: group,
          threshold: 50,
          channels: CHANNELS,
        }),
      },
    );
    expect(lag.status, JSON.stringify(lag.body)).toBe(201);
    lagRuleId = alertRuleSchema.parse(lag.body).id;
    const status = await callRoute(
      createRule,
      '/api/v1/alerts/rules',
      {},
      {
        ...admin,
        init: json({
          kind: 'group-status',
          name: `status of ${group}`,
          clusterId: 'local',
          groupPattern: `it-alerts-group-${stamp.toString().slice(0, -2)}??`,
          channels: ['it-generic'],
        }),
      },
    );
    expect(status.status, JSON.stringify(status.body)).toBe(201);
    statusRuleId = alertRuleSchema.parse(status.body).id;
    await startLagSampler('local', { intervalMs: 1_000, window: 3, allowedLag: 0, record: true });
    startAlertNotifier();
  }, 240_000);

  afterAll(async () => {
    await stopLagSampler('local');
    await stopMetricsRecorder('local');
    await stopAlertNotifier();
    await consumer?.stop();
    for (const ruleId of [lagRuleId, statusRuleId])
      if (ruleId) await callRoute(deleteRule, `/api/v1/alerts/rules/${ruleId}`, { ruleId }, { ...admin, init: { method: 'DELETE' } });
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', group]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await receiver?.close();
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it('lists the rules with their source to every role; only admins change them; a configured rule is read-only', async () => {
    const { status, body } = await callRoute(listRules, '/api/v1/alerts/rules', {});
    expect(status).toBe(200);
    const list = alertRulesResponseSchema.parse(body);
    expect(list.rules.find((r) => r.id === 'it-config-brokers')).toMatchObject({
      source: 'config',
      kind: 'broker-missing',
      createdBy: null,
    });
    expect(list.rules.find((r) => r.id === lagRuleId)).toMatchObject({
      source: 'database',
      createdBy: 'admin',
      threshold: 50,
      forMinutes: 0,
      muted: false,
    });
    expect(list.channels.map((c) => c.id)).toEqual(CHANNELS);
    expect(JSON.stringify(list)).not.toContain('127.0.0.1');
    const asOperator = await callRoute(
      patchRule,
      `/api/v1/alerts/rules/${lagRuleId}`,
      { ruleId: lagRuleId },
      { token: TEST_TOKENS.operator, init: { ...json({ muted: true }), method: 'PATCH' } },
    );
    expect(asOperator.status).toBe(403);
    const configured = await callRoute(
      patchRule,
      '/api/v1/alerts/rules/it-config-brokers',
      { ruleId: 'it-config-brokers' },
      { ...admin, init: { ...json({ muted: true }), method: 'PATCH' } },
    );
    expect(configured.status).toBe(409);
    const invalid = await callRoute(
      createRule,
      '/api/v1/alerts/rules',
      {},
      { ...admin, init: json({ kind: 'group-lag', name: 'x', clusterId: 'local', threshold: 1, channels: ['nope'] }) },
    );
    expect(invalid.status).toBe(422);
    expect((invalid.body as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.channels).toEqual([
      '"nope" is not a configured channel',
    ]);
    const wrongField = await callRoute(
      patchRule,
      `/api/v1/alerts/rules/${lagRuleId}`,
      { ruleId: lagRuleId },
      { ...admin, init: { ...json({ conditions: ['offline'] }), method: 'PATCH' } },
    );
    expect(wrongField.status).toBe(422);
  });

  it('fires to every channel once the consumer stops and lag passes the threshold; a failed delivery is retried', async () => {
    expect(await eventOf(lagRuleId)).toBeUndefined();
    receiver.failNext('/slack', 1);
    await consumer!.stop();
    produceRecords(topic, 200);
    const firing = await until('the lag alert', () => eventOf(lagRuleId, 'firing'));
    expect(firing).toMatchObject({ kind: 'group-lag', clusterId: 'local', subject: group, value: 200, muted: false });
    expect(firing.message).toBe(`Consumer group "${group}" lag 200 > 50`);
    await until(
      'every channel to have the firing',
      () => (CHANNELS.every((c) => about(lagRuleId, 'firing', `/${c.slice(3)}`).length === 1) ? true : undefined),
      30_000,
    );
    const generic = genericFor(lagRuleId, 'firing')[0]!.body;
    expect(generic).toMatchObject({
      version: 1,
      status: 'firing',
      eventId: firing.id,
      rule: { id: lagRuleId, kind: 'group-lag' },
      cluster: { id: 'local' },
      subject: group,
      value: 200,
      resolvedAt: null,
    });
    expect(about(lagRuleId, 'firing', '/slack')[0]!.body).toEqual({ text: expect.stringContaining(`[FIRING] lag of ${group}`) });
    expect(about(lagRuleId, 'firing', '/dingtalk')[0]!.body).toMatchObject({
      msgtype: 'text',
      text: { content: expect.stringContaining(firing.message) },
    });
    expect(about(lagRuleId, 'firing', '/feishu')[0]!.body).toMatchObject({
      msg_type: 'text',
      content: { text: expect.stringContaining('[FIRING]') },
    });
    const delivered = await until(
      'the history to show every delivery sent',
      async () => {
        const event = await eventOf(lagRuleId, 'firing');
        return event && event.deliveries.every((d) => d.status === 'sent') ? event : undefined;
      },
      15_000,
    );
    expect(delivered.deliveries.find((d) => d.channelId === 'it-slack')).toMatchObject({ attempts: 2, status: 'sent' });
    expect(delivered.deliveries.filter((d) => d.channelId !== 'it-slack').every((d) => d.attempts === 1)).toBe(true);
    // Nobody commits while the lag grows: Burrow's evaluator calls it STOP (or STALL) once its window has filled.
    const status = await until('the status alert', () => eventOf(statusRuleId, 'firing'));
    expect(status.message).toMatch(new RegExp(`^Consumer group "${group}" status (STOP|STALL)$`));
    await until('the status alert on its channel', () => (genericFor(statusRuleId, 'firing').length === 1 ? true : undefined), 15_000);
  }, 120_000);

  it('sends resolved once the consumer is back and has caught up; the history shows both', async () => {
    startGroup();
    await caughtUp();
    const resolved = await until('the lag alert to resolve', () => eventOf(lagRuleId, 'resolved'));
    expect(resolved.resolution).toBe(`Consumer group "${group}" lag 0 ≤ 50`);
    await until(
      'every channel to have the resolution',
      () => (CHANNELS.every((c) => about(lagRuleId, 'resolved', `/${c.slice(3)}`).length === 1) ? true : undefined),
      30_000,
    );
    expect(genericFor(lagRuleId, 'resolved')[0]!.body).toMatchObject({
      status: 'resolved',
      eventId: resolved.id,
      resolution: resolved.resolution,
      resolvedAt: resolved.resolvedAt,
    });
    expect(resolved.deliveries.map((d) => d.transition).sort()).toEqual([
      ...CHANNELS.map(() => 'firing'),
      ...CHANNELS.map(() => 'resolved'),
    ]);
    // Exactly one firing and one resolution per channel: passes in between did not repeat them.
    for (const c of CHANNELS) {
      expect(about(lagRuleId, 'firing', `/${c.slice(3)}`)).toHaveLength(1);
      expect(about(lagRuleId, 'resolved', `/${c.slice(3)}`)).toHaveLength(1);
    }
    const history: AlertEvent[] = await events(`ruleId=${lagRuleId}`);
    expect(history.map((e) => e.state)).toEqual(['resolved']);
  }, 120_000);

  it('records a muted rule’s alert in the history and sends nothing', async () => {
    const muted = await callRoute(
      patchRule,
      `/api/v1/alerts/rules/${lagRuleId}`,
      { ruleId: lagRuleId },
      { ...admin, init: { ...json({ muted: true }), method: 'PATCH' } },
    );
    expect(muted.status).toBe(200);
    expect(alertRuleSchema.parse(muted.body).muted).toBe(true);
    const before = receiver.received.length;
    await consumer!.stop();
    produceRecords(topic, 100);
    const firing = await until('the muted alert', () => eventOf(lagRuleId, 'firing'));
    expect(firing).toMatchObject({ muted: true, value: 100 });
    expect(firing.deliveries.map((d) => d.status)).toEqual(CHANNELS.map(() => 'muted'));
    // Passes and notifier rounds go by: nothing about this rule arrives.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(receiver.received.slice(before).filter((r) => isFor(r, lagRuleId))).toEqual([]);
    expect(await events(`ruleId=${lagRuleId}&state=firing`)).toHaveLength(1);
  }, 120_000);
});
