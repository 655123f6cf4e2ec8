// Share (KIP-932) and streams (KIP-1071) groups in the lag history and the alert rules, like consumer groups: a share
// group and a streams application consume their topic, stop, and fall behind by a known count; one sampler (record on,
// every second) must store each group's lag series at that count (for the share group, the broker's lag), rank both
// with their type on the dashboard and fire one group-lag rule for both. Kafka 4.x KRaft only: older clusters have neither kind of group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroupMetrics } from '@/app/api/v1/clusters/[clusterId]/metrics/consumer-groups/[groupId]/route';
import { GET as getTop } from '@/app/api/v1/clusters/[clusterId]/metrics/top/route';
import { DELETE as deleteRule } from '@/app/api/v1/alerts/rules/[ruleId]/route';
import { POST as createRule } from '@/app/api/v1/alerts/rules/route';
import { GET as listEvents } from '@/app/api/v1/alerts/events/route';
import { alertEventsResponseSchema, alertRuleSchema } from '@/lib/schemas/alerts';
import { metricsRangeResponseSchema, metricsTopResponseSchema } from '@/lib/schemas/metrics';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { stopMetricsRecorder } from '@/server/metrics/recorders';
import { startLagSampler, stopLagSampler } from '@/server/sampling/sampler';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { startConsumer, waitFor } from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { kcatProduce } from './support/messages-cli';
import { callRoute } from './support/routes';
import { shareOffsetsFromCli } from './support/share-groups-cli';
import { startStreamsApp, streamsOffsetsFromCli } from './support/streams-groups-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const shareTopic = `it-lagtypes-share-${stamp}`;
const input = `it-lagtypes-in-${stamp}`;
const output = `it-lagtypes-out-${stamp}`;
const share = `it-lagtypes-share-group-${stamp}`;
const app = `it-lagtypes-app-${stamp}`;
const SHARE_BEHIND = 30;
const STREAMS_BEHIND = 25;
const supported = target.mode === 'kraft' && target.version.startsWith('4.');
let ruleId = '';

const admin = { token: TEST_TOKENS.admin };
const lines = (count: number) => Array.from({ length: count }, (_, i) => `k${i}:alpha beta ${i}`);
const createTopics = (...names: string[]) =>
  names.forEach((name) =>
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      name,
      '--partitions',
      '1',
      '--replication-factor',
      '1',
    ]),
  );

/** The group's stored `lag` series (no topic label), newest value last. */
async function storedLag(groupId: string) {
  const query = `from=${stamp - 60_000}&to=${Date.now() + 1}&points=2000`;
  const { status, body } = await callRoute(getGroupMetrics, `/api/v1/clusters/local/metrics/consumer-groups/${groupId}?${query}`, {
    clusterId: 'local',
    groupId,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  const lag = metricsRangeResponseSchema.parse(body).series.find((s) => s.name === 'lag' && s.labels === undefined);
  return (lag?.points ?? []).flatMap(([, v]) => (v === null ? [] : [v]));
}

/** waitFor for async probes. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function firing() {
  const { body } = await callRoute(listEvents, `/api/v1/alerts/events?ruleId=${ruleId}&state=firing`, {});
  return alertEventsResponseSchema.parse(body).events;
}

describe.runIf(supported)(`share and streams groups in the lag history and alerts on ${target.label}`, () => {
  beforeAll(async () => {
    createTopics(shareTopic, input, output);
    kafkaCli('kafka-configs', [
      '--bootstrap-server',
      bootstrap,
      '--alter',
      '--entity-type',
      'groups',
      '--entity-name',
      share,
      '--add-config',
      'share.auto.offset.reset=earliest',
    ]);
    kcatProduce(shareTopic, lines(10));
    kcatProduce(input, lines(10));
    // Both consume what is there, then stop: from then on they are exactly as far behind as what is produced next.
    const consumer = startConsumer(shareTopic, share, { 'client.id': `lagtypes-${stamp}` }, { share: true });
    const streams = await startStreamsApp(app, input, output);
    await waitFor(
      'both groups to have caught up',
      () => {
        const shareRows = shareOffsetsFromCli(share);
        const streamsRows = streamsOffsetsFromCli(app);
        const caughtUp = (rows: { lag: string | null }[]) => rows.length > 0 && rows.every((r) => r.lag === '0');
        return caughtUp(shareRows) && caughtUp(streamsRows) && streamsRows.some((r) => r.topic === input) ? true : undefined;
      },
      { attempts: 60 },
    );
    await Promise.all([consumer.stop(), streams.stop()]);
    kcatProduce(shareTopic, lines(SHARE_BEHIND));
    kcatProduce(input, lines(STREAMS_BEHIND));
    const rule = await callRoute(
      createRule,
      '/api/v1/alerts/rules',
      {},
      {
        ...admin,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'group-lag',
            name: `lag of ${stamp}`,
            clusterId: 'local',
            groupPattern: `it-lagtypes-*${stamp}`,
            threshold: 20,
          }),
        },
      },
    );
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    ruleId = alertRuleSchema.parse(rule.body).id;
    await startLagSampler('local', { intervalMs: 1_000, window: 3, allowedLag: 0, record: true });
  }, 180_000);

  afterAll(async () => {
    await stopLagSampler('local');
    await stopMetricsRecorder('local');
    if (ruleId) await callRoute(deleteRule, `/api/v1/alerts/rules/${ruleId}`, { ruleId }, { ...admin, init: { method: 'DELETE' } });
    kafkaCli('kafka-share-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', share]);
    kafkaCli('kafka-streams-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', app, '--delete-all-internal-topics']);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', `${shareTopic}|${input}|${output}|${app}-.*`]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it("stores the share group's lag as the broker counts it, and the streams group's lag", async () => {
    // The broker's count of unacknowledged records, as kafka-share-groups --describe prints it.
    const brokerLag = await waitFor('the broker to count the new records', () => {
      const rows = shareOffsetsFromCli(share);
      return rows.length === 1 && rows[0]!.lag === String(SHARE_BEHIND) ? Number(rows[0]!.lag) : undefined;
    });
    for (const [groupId, expected] of [
      [share, brokerLag],
      [app, STREAMS_BEHIND],
    ] as const) {
      const values = await until(`a pass to store ${groupId}'s lag`, async () => {
        const stored = await storedLag(groupId);
        return stored.at(-1) === expected ? stored : undefined;
      });
      expect(values.at(-1)).toBe(expected);
    }
  });

  it('ranks both groups by lag on the dashboard with their types', async () => {
    const { status, body } = await callRoute(getTop, '/api/v1/clusters/local/metrics/top', { clusterId: 'local' });
    expect(status).toBe(200);
    const ranked = metricsTopResponseSchema.parse(body).groupsByLag.filter((g) => g.groupId === share || g.groupId === app);
    expect(ranked.map((g) => [g.groupId, g.type]).sort()).toEqual([
      [app, 'streams'],
      [share, 'share'],
    ]);
  });

  it('fires one group-lag rule for the share group and the streams group, naming each kind', async () => {
    const events = await until('the rule to fire for both groups', async () => {
      const open = await firing();
      return open.length === 2 ? open : undefined;
    });
    expect(events.map((e) => [e.subject, e.message]).sort()).toEqual([
      [app, `Streams group "${app}" lag ${STREAMS_BEHIND} > 20`],
      [share, `Share group "${share}" lag ${SHARE_BEHIND} > 20`],
    ]);
  });
});
