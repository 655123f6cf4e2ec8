import { afterAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/v1/clusters/[clusterId]/client-metrics/route';
import { DELETE, PUT } from '@/app/api/v1/clusters/[clusterId]/client-metrics/[subscription]/route';
import { clientMetricsListSchema } from '@/lib/schemas/client-metrics';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { clientMetricsCli, describedSubscriptions, listedSubscriptions } from './support/client-metrics-cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
// KIP-714's resource exists on KRaft from Kafka 3.7; the dev clusters are 4.x KRaft and 3.9 ZooKeeper.
const supported = target.mode === 'kraft';
const stamp = Date.now();
// Kafka takes any name; one with a space and a "/" checks that names reach Kafka and back unchanged.
const byTool = `it-cm-tool ${stamp}/a`;
const byApi = `it-cm-api-${stamp}`;
const base = '/api/v1/clusters/local/client-metrics';

const json = (method: string, body: unknown) => ({
  method,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
const list = async () => {
  const { status, body } = await callRoute(GET, base, { clusterId: 'local' });
  expect(status).toBe(200);
  return clientMetricsListSchema.parse(body);
};
const create = (body: unknown, token: string = TEST_TOKENS.admin) =>
  callRoute(POST, base, { clusterId: 'local' }, { token, init: json('POST', body) });
const subscriptionCall = (handler: typeof PUT, method: string, name: string, body: unknown, token: string = TEST_TOKENS.admin) =>
  callRoute(
    handler,
    `${base}/${encodeURIComponent(name)}`,
    { clusterId: 'local', subscription: name },
    { token, init: json(method, body) },
  );
const update = (name: string, body: unknown, token?: string) => subscriptionCall(PUT, 'PUT', name, body, token);
const remove = (name: string, body: unknown, token?: string) => subscriptionCall(DELETE, 'DELETE', name, body, token);

describe(`client metrics subscriptions on ${target.label}`, () => {
  afterAll(async () => {
    if (supported) {
      for (const name of listedSubscriptions().filter((n) => n === byTool || n === byApi)) clientMetricsCli('--delete', '--name', name);
    }
    await closeAllConnections();
    await closeDb();
  });

  it.runIf(supported)('lists every subscription as kafka-client-metrics --describe, in two requests', async () => {
    clientMetricsCli(
      '--alter',
      '--name',
      byTool,
      '--metrics',
      'org.apache.kafka.producer.,org.apache.kafka.consumer.',
      '--interval',
      '2500',
      '--match',
      'client_id=tool-.*,client_software_name=apache-kafka-java',
    );
    // Brokers learn of the tool's change from the metadata log a moment after it answers; this also connects, so
    // that the read measured below is the page's steady state.
    await expect.poll(async () => JSON.stringify(await list())).toContain(JSON.stringify(byTool));
    const before = requestCounts('local');
    const started = performance.now();
    const data = await list();
    const elapsedMs = performance.now() - started;
    const delta = requestDelta(before, requestCounts('local'));
    if (!data.supported) throw new Error(data.requires);
    expect(data.subscriptions).toEqual(describedSubscriptions());
    expect(data.subscriptions.find((s) => s.name === byTool)).toEqual({
      name: byTool,
      metrics: ['org.apache.kafka.producer.', 'org.apache.kafka.consumer.'],
      intervalMs: 2500,
      match: ['client_id=tool-.*', 'client_software_name=apache-kafka-java'],
    });
    expect(delta).toEqual({ ListConfigResources: 1, DescribeConfigs: 1 });
    console.info(`client metrics list: ${data.subscriptions.length} subscriptions, ${JSON.stringify(delta)}, ${elapsedMs.toFixed(1)} ms`);
  });

  it.runIf(supported)('creates, edits and deletes a subscription as the tool sees it; only an admin may', async () => {
    const input = { name: byApi, metrics: ['org.apache.kafka.client.'], intervalMs: 10_000, match: ['client_id=api-[0-9]+'] };
    expect((await create(input, TEST_TOKENS.operator)).status).toBe(403);
    const created = await create(input);
    expect(created.status).toBe(201);
    expect(created.body).toEqual(input);
    expect(describedSubscriptions('--name', byApi)).toEqual([input]);
    expect(await create(input)).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });

    // A whole replacement: the emptied list goes back to Kafka's default ("").
    const edit = { metrics: ['*'], intervalMs: 60_000, match: [] };
    expect((await update(byApi, edit, TEST_TOKENS.viewer)).status).toBe(403);
    const edited = await update(byApi, edit);
    expect(edited).toMatchObject({ status: 200, body: { name: byApi, ...edit } });
    expect(describedSubscriptions('--name', byApi)).toEqual([{ name: byApi, ...edit }]);
    expect(clientMetricsCli('--describe', '--name', byApi)).toContain('  match=\n');

    expect((await update(`${byApi}-missing`, edit)).status).toBe(404);
    expect(await remove(byApi, { confirm: 'wrong' })).toMatchObject({
      status: 422,
      body: { error: { fieldErrors: { confirm: [expect.any(String)] } } },
    });
    expect(listedSubscriptions()).toContain(byApi);
    expect(await remove(byApi, { confirm: byApi })).toMatchObject({ status: 200, body: { deleted: byApi } });
    expect(listedSubscriptions()).not.toContain(byApi);
    const after = await list();
    expect(after.supported && after.subscriptions.map((s) => s.name)).not.toContain(byApi);
    expect((await remove(byApi, { confirm: byApi })).status).toBe(404);
  });

  it.runIf(supported)('edits and deletes a subscription the tool created, whatever its name', async () => {
    clientMetricsCli('--alter', '--name', byTool, '--metrics', '*');
    const edited = await update(byTool, { metrics: ['org.apache.kafka.'], intervalMs: 100, match: ['client_source_port=9[0-9]+'] });
    expect(edited.status).toBe(200);
    expect(describedSubscriptions('--name', byTool)).toEqual([edited.body]);
    expect((await remove(byTool, { confirm: byTool })).status).toBe(200);
    expect(listedSubscriptions()).not.toContain(byTool);
  });

  it.runIf(supported)('refuses bad input with field errors before or from Kafka, and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ name: byApi, intervalMs: 50 }, 'intervalMs'],
      [{ name: byApi, intervalMs: 3_600_001 }, 'intervalMs'],
      [{ name: byApi, match: ['client=x'] }, 'match.0'],
      [{ name: byApi, match: ['client_id='] }, 'match.0'],
      [{ name: byApi, metrics: ['a,b'] }, 'metrics.0'],
      [{ name: '..' }, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'lone \ud800 surrogate' }, 'name'],
      [{ name: byApi, metrics: ['x'.repeat(1001)] }, 'metrics.0'],
      [{ metrics: ['a'] }, 'name'],
      [{ name: byApi, intervalMs: '1000' }, 'intervalMs'],
      // Java's regex syntax is Kafka's to judge: its refusal lands on match.
      [{ name: byApi, match: ['client_id=['] }, 'match'],
    ];
    for (const [body, field] of cases) {
      const answer = await create(body);
      expect({ body, status: answer.status }).toEqual({ body, status: 422 });
      expect(answer.body).toMatchObject({ error: { code: 'VALIDATION', fieldErrors: { [field]: [expect.any(String)] } } });
    }
    expect((await create('{"name":')).status).toBe(400);
    expect(listedSubscriptions()).not.toContain(byApi);
  });

  it('refuses every change on a read-only cluster, even for admins, before asking Kafka', async () => {
    const onDown = (clusterId: string) => `/api/v1/clusters/${clusterId}/client-metrics`;
    const refused = await callRoute(
      POST,
      onDown('down'),
      { clusterId: 'down' },
      { token: TEST_TOKENS.admin, init: json('POST', { name: byApi }) },
    );
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it.runIf(!supported)('answers supported: false, and 409 for every change, where the cluster has no client metrics', async () => {
    // The broker does not advertise API 74 (kafka-client-metrics itself is not shipped for a ZooKeeper cluster here).
    expect(kafkaCli('kafka-broker-api-versions', ['--bootstrap-server', target.bootstrap.join(',')])).toMatch(/\(74\): UNSUPPORTED/);
    expect(await list()).toEqual({ supported: false, requires: expect.stringContaining('Kafka 3.7') });
    const refusals = [
      await create({ name: byApi, metrics: ['*'] }),
      await update(byApi, { metrics: ['*'] }),
      await remove(byApi, { confirm: byApi }),
    ];
    for (const refused of refusals) {
      expect(refused).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringContaining('Kafka 3.7') } } });
    }
  });
});
