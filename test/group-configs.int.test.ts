import { afterAll, describe, expect, it } from 'vitest';
import { GET, PATCH } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/configs/route';
import { groupConfigsResponseSchema } from '@/lib/schemas/consumer-groups';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { parseConfigsDescribe } from './support/configs-cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
// Configs can be set on a group id before its first member joins (and are kept when it is deleted).
const group = `it-group-configs-${Date.now()}`;
const path = `/api/v1/clusters/local/consumer-groups/${group}/configs`;
const params = { clusterId: 'local', groupId: group };
const groupConfigs = target.mode === 'kraft' && target.version.startsWith('4.');

const read = async () => groupConfigsResponseSchema.parse((await callRoute(GET, path, params)).body);
const patch = (body: unknown, token: string = TEST_TOKENS.admin) =>
  callRoute(PATCH, path, params, {
    token,
    init: { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
  });
const cli = (...extra: string[]) =>
  parseConfigsDescribe(
    kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--describe', '--entity-type', 'groups', '--entity-name', group, ...extra]),
  );

describe(`group configs on ${target.label}`, () => {
  afterAll(async () => {
    if (groupConfigs) await patch({ delete: ['consumer.session.timeout.ms'] });
    await closeAllConnections();
    await closeDb();
  });

  it.runIf(groupConfigs)('lists every group config with its value and source, as kafka-configs --describe --all', async () => {
    const data = await read();
    if (!data.supported) throw new Error(data.requires);
    const expected = cli('--all');
    expect(expected.length).toBeGreaterThan(10);
    expect(data.configs.map((c) => ({ name: c.name, value: c.value, sensitive: c.isSensitive, source: c.source }))).toEqual(expected);
    expect(data.configs.find((c) => c.name === 'share.auto.offset.reset')).toMatchObject({ value: 'latest', isDefault: true });
  });

  it.runIf(groupConfigs)('sets one key as kafka-configs --alter would, refuses a value Kafka refuses, and resets it', async () => {
    const set = await patch({ set: { 'consumer.session.timeout.ms': '50000' } });
    expect(set.status).toBe(200);
    const after = groupConfigsResponseSchema.parse(set.body);
    expect(after.supported && after.configs.find((c) => c.name === 'consumer.session.timeout.ms')).toMatchObject({
      value: '50000',
      source: 'group',
      isDefault: false,
    });
    // The group's own configs, as the tool lists them without --all.
    expect(cli().map((c) => [c.name, c.value])).toEqual([['consumer.session.timeout.ms', '50000']]);

    // Below group.consumer.min.session.timeout.ms (45 s by default): Kafka refuses, nothing changes.
    const refused = await patch({ set: { 'consumer.session.timeout.ms': '1000' } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { fieldErrors: { 'set.consumer.session.timeout.ms': [expect.any(String)] } } });
    expect(cli().map((c) => c.value)).toEqual(['50000']);

    expect((await patch({ set: { 'consumer.session.timeout.ms': '48000' } }, TEST_TOKENS.operator)).status).toBe(403);

    const reset = groupConfigsResponseSchema.parse((await patch({ delete: ['consumer.session.timeout.ms'] })).body);
    expect(reset.supported && reset.configs.find((c) => c.name === 'consumer.session.timeout.ms')).toMatchObject({ source: 'default' });
    expect(cli()).toEqual([]);
  });

  it.runIf(!groupConfigs)('answers supported: false, and 409 for a change, where the cluster has no group configs', async () => {
    expect(await read()).toEqual({ supported: false, requires: expect.stringContaining('Kafka 4.0') });
    const refused = await patch({ set: { 'consumer.session.timeout.ms': '50000' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining('Kafka 4.0') } });
  });
});
