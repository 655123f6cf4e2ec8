import { Kafka, logLevel } from '@/server/kafka/kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as patchBrokerConfigs } from '@/app/api/v1/clusters/[clusterId]/brokers/[brokerId]/configs/route';
import { GET as getDefaults } from '@/app/api/v1/clusters/[clusterId]/topic-defaults/route';
import { PATCH as patchTopicConfigs } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/configs/route';
import { POST as addPartitions } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/partitions/route';
import { POST as deleteRecords } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/records/delete/route';
import { DELETE as deleteTopic, GET as getTopic } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/route';
import { POST as createTopic } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { configListResponseSchema } from '@/lib/schemas/configs';
import { deleteRecordsResponseSchema, topicDefaultsResponseSchema } from '@/lib/schemas/topic-admin';
import { topicDetailResponseSchema } from '@/lib/schemas/topics';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli, parseTopicsDescribe } from './support/cli';
import { parseConfigsDescribe } from './support/configs-cli';
import { kafkaTarget } from './support/kafka-target';
import { getOffsetsFromCli, produceRecords } from './support/records-cli';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const name = (what: string) => `it-admin-${what}-${stamp}`;
const created: string[] = [];

type Handler<P> = (request: Request, context?: { params?: Promise<P> }) => Promise<Response>;
const send = <P extends Record<string, string>>(handler: Handler<P>, path: string, params: P, method: string, body: unknown) =>
  callRoute(handler, path, params, {
    token: TEST_TOKENS.admin,
    init: { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
  });
const create = (body: unknown) => send(createTopic, '/api/v1/clusters/local/topics', { clusterId: 'local' }, 'POST', body);
const topicPath = (topic: string, rest = '') => `/api/v1/clusters/local/topics/${topic}${rest}`;
const listTopics = () => new Set(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--list']).split('\n').filter(Boolean));
const describeAll = (entityType: 'topics' | 'brokers', entity: string[]) =>
  parseConfigsDescribe(
    kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--entity-type', entityType, ...entity, '--describe', '--all']),
  );
const describeDynamic = (entity: string[]) =>
  kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--entity-type', 'brokers', ...entity, '--describe'])
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .sort();

describe(`topic administration on ${target.label}, against kafka-topics, kafka-configs and kafka-get-offsets`, () => {
  beforeAll(() => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      name('dot.ted'),
      '--partitions',
      '1',
      '--replication-factor',
      '1',
    ]);
    created.push(name('dot.ted'));
  });

  afterAll(async () => {
    const existing = listTopics();
    for (const topic of created.filter((t) => existing.has(t)))
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 60_000);

  it('refuses every invalid create with 422 on the field, and creates nothing', async () => {
    const valid = { partitions: 2, replicationFactor: 2 };
    const cases: [unknown, string][] = [
      [{ ...valid, name: '' }, 'name'],
      [{ ...valid, name: '.' }, 'name'],
      [{ ...valid, name: '..' }, 'name'],
      [{ ...valid, name: `it-admin-${'x'.repeat(250)}` }, 'name'],
      [{ ...valid, name: `${name('bad')} space` }, 'name'],
      [{ ...valid, name: `__${name('internal')}` }, 'name'],
      [{ ...valid, name: name('dot_ted') }, 'name'], // collides with name('dot.ted')
      [{ ...valid, name: name('p0'), partitions: 0 }, 'partitions'],
      // The cluster's maxPartitionsPerTopic (10,000 by default), far below Kafka's own 2^31 - 1.
      [{ ...valid, name: name('p-max'), partitions: 10_001 }, 'partitions'],
      [{ ...valid, name: name('p-int'), partitions: 2_147_483_647 }, 'partitions'],
      [{ ...valid, name: name('rf0'), replicationFactor: 0 }, 'replicationFactor'],
      [{ ...valid, name: name('rf4'), replicationFactor: 4 }, 'replicationFactor'],
      [{ ...valid, name: name('minisr'), configs: { 'min.insync.replicas': '3' } }, 'configs.min.insync.replicas'],
      [{ ...valid, name: name('retention'), configs: { 'retention.ms': 'abc' } }, 'configs.retention.ms'],
      [{ ...valid, name: name('policy'), configs: { 'cleanup.policy': 'forever' } }, 'configs.cleanup.policy'],
      // Kafka's own refusals, from the validateOnly dry run: an unknown key and a bad value of a key outside the catalog.
      [{ ...valid, name: name('unknown'), configs: { 'no.such.config': '1' } }, 'configs.no.such.config'],
      [{ ...valid, name: name('tstype'), configs: { 'message.timestamp.type': 'Whenever' } }, 'configs.message.timestamp.type'],
    ];
    for (const [body, field] of cases) {
      const { status, body: answer } = await create(body);
      expect(
        [status, Object.keys((answer as { error: { fieldErrors?: object } }).error.fieldErrors ?? {})],
        JSON.stringify(body).slice(0, 80),
      ).toEqual([422, [field]]);
    }
    const existing = listTopics();
    expect(cases.map(([body]) => (body as { name: string }).name).filter((n) => existing.has(n))).toEqual([]);
  }, 120_000);

  it('creates a topic with configs as kafka-topics shows it, and answers 409 for it the second time', async () => {
    const topic = name('orders');
    created.push(topic);
    const body = {
      name: topic,
      partitions: 3,
      replicationFactor: 2,
      configs: { 'retention.ms': '3600000', 'cleanup.policy': 'compact,delete' },
    };
    const { status, body: answer } = await create(body);
    expect(status).toBe(201);
    const detail = topicDetailResponseSchema.parse(answer);
    const cli = parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic]));
    expect(detail.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas, leader: p.leader }))).toEqual(
      cli.map((p) => ({ partition: p.partition, replicas: p.replicas, leader: p.leader })),
    );
    expect(cli.every((p) => p.replicas.length === 2)).toBe(true);
    const configs = describeAll('topics', ['--entity-name', topic]).filter((c) => c.source === 'topic');
    expect(configs.map((c) => [c.name, c.value]).sort()).toEqual([
      ['cleanup.policy', 'compact,delete'],
      ['retention.ms', '3600000'],
    ]);
    expect((await create(body)).status).toBe(409);
  }, 60_000);

  it('edits one config key at a time: every other key stays identical, and delete restores the inherited value', async () => {
    const topic = name('orders');
    const before = describeAll('topics', ['--entity-name', topic]);
    // Viewed first: the topic's page shares its read for 2 s, and must show the change at once all the same.
    const configOf = async (key: string) =>
      topicDetailResponseSchema
        .parse((await callRoute(getTopic, topicPath(topic), { clusterId: 'local', topic })).body)
        .configs?.find((c) => c.name === key);
    expect((await configOf('max.message.bytes'))?.source).not.toBe('topic');
    const set = await send(patchTopicConfigs, topicPath(topic, '/configs'), { clusterId: 'local', topic }, 'PATCH', {
      set: { 'max.message.bytes': '2000000' },
    });
    expect(set.status).toBe(200);
    expect(configListResponseSchema.parse(set.body).configs.find((c) => c.name === 'max.message.bytes')).toMatchObject({
      value: '2000000',
      source: 'topic',
    });
    expect(await configOf('max.message.bytes')).toMatchObject({ value: '2000000', source: 'topic' });
    const after = describeAll('topics', ['--entity-name', topic]);
    const changed = after.filter((c) => JSON.stringify(c) !== JSON.stringify(before.find((b) => b.name === c.name)));
    expect(changed.map((c) => [c.name, c.value, c.source])).toEqual([['max.message.bytes', '2000000', 'topic']]);
    expect(after.length).toBe(before.length);

    const reset = await send(patchTopicConfigs, topicPath(topic, '/configs'), { clusterId: 'local', topic }, 'PATCH', {
      delete: ['max.message.bytes'],
    });
    expect(reset.status).toBe(200);
    expect(describeAll('topics', ['--entity-name', topic])).toEqual(before);

    const refused = await send(patchTopicConfigs, topicPath(topic, '/configs'), { clusterId: 'local', topic }, 'PATCH', {
      set: { 'retention.ms': '1', 'segment.ms': 'soon' },
    });
    expect([refused.status, (refused.body as { error: { fieldErrors: object } }).error.fieldErrors]).toEqual([
      422,
      { 'set.segment.ms': ['A whole number'] },
    ]);
    const kafkaRefused = await send(patchTopicConfigs, topicPath(topic, '/configs'), { clusterId: 'local', topic }, 'PATCH', {
      set: { 'message.timestamp.type': 'Whenever' },
    });
    expect([kafkaRefused.status, Object.keys((kafkaRefused.body as { error: { fieldErrors: object } }).error.fieldErrors)]).toEqual([
      422,
      ['set.message.timestamp.type'],
    ]);
    expect(describeAll('topics', ['--entity-name', topic])).toEqual(before);
  }, 60_000);

  it('adds partitions, and never removes any', async () => {
    const topic = name('orders');
    const params = { clusterId: 'local', topic };
    const { status, body } = await send(addPartitions, topicPath(topic, '/partitions'), params, 'POST', { totalCount: 5 });
    expect(status).toBe(200);
    expect(topicDetailResponseSchema.parse(body).partitions).toHaveLength(5);
    expect(parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic]))).toHaveLength(
      5,
    );
    for (const totalCount of [5, 2, 10_001, 2_147_483_647]) {
      const refused = await send(addPartitions, topicPath(topic, '/partitions'), params, 'POST', { totalCount });
      expect([refused.status, Object.keys((refused.body as { error: { fieldErrors: object } }).error.fieldErrors)]).toEqual([
        422,
        ['totalCount'],
      ]);
    }
  }, 60_000);

  it('purges records before an offset: the log start offset moves as requested, elsewhere nothing', async () => {
    const topic = name('purge');
    created.push(topic);
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
    produceRecords(topic, 40);
    const ends = getOffsetsFromCli(topic, '-1');
    // The producer's sticky partitioner may put every record in one partition: purge the one that has them.
    const [full, other] = Number(ends[0]) >= Number(ends[1]) ? [0, 1] : [1, 0];
    const params = { clusterId: 'local', topic };
    const beyond = await send(deleteRecords, topicPath(topic, '/records/delete'), params, 'POST', {
      before: [{ partition: full, offset: String(BigInt(ends[full]!) + 1n) }],
      confirm: topic,
    });
    expect([beyond.status, Object.keys((beyond.body as { error: { fieldErrors: object } }).error.fieldErrors)]).toEqual([
      422,
      ['before.0.offset'],
    ]);
    const unconfirmed = await send(deleteRecords, topicPath(topic, '/records/delete'), params, 'POST', {
      before: [{ partition: full, offset: '5' }],
      confirm: 'yes',
    });
    expect(unconfirmed.status).toBe(422);
    expect(getOffsetsFromCli(topic, '-2')).toEqual({ 0: '0', 1: '0' });

    const { status, body } = await send(deleteRecords, topicPath(topic, '/records/delete'), params, 'POST', {
      before: [{ partition: full, offset: '5' }],
      confirm: topic,
    });
    expect(status).toBe(200);
    expect(deleteRecordsResponseSchema.parse(body).partitions).toEqual([{ partition: full, logStartOffset: '5' }]);
    expect(getOffsetsFromCli(topic, '-2')).toEqual({ [full]: '5', [other]: '0' });
    expect(getOffsetsFromCli(topic, '-1')).toEqual(ends);
  }, 60_000);

  it('deletes a topic only with the exact name typed as confirmation', async () => {
    const topic = name('purge');
    const params = { clusterId: 'local', topic };
    for (const confirm of ['', topic.toUpperCase(), `${topic} `]) {
      expect((await send(deleteTopic, topicPath(topic), params, 'DELETE', { confirm })).status).toBe(422);
    }
    expect(listTopics().has(topic)).toBe(true);
    // Viewed first (its read is shared for 2 s): gone from its page at once all the same.
    expect((await callRoute(getTopic, topicPath(topic), params)).status).toBe(200);
    const { status, body } = await send(deleteTopic, topicPath(topic), params, 'DELETE', { confirm: topic });
    expect([status, body]).toEqual([200, { topic, deleted: true }]);
    expect(listTopics().has(topic)).toBe(false);
    expect((await callRoute(getTopic, topicPath(topic), params)).status).toBe(404);
    expect((await send(deleteTopic, topicPath(topic), params, 'DELETE', { confirm: topic })).status).toBe(404);
  }, 60_000);

  it("refuses to change or delete Kafka's internal topics", async () => {
    const topic = '__consumer_offsets';
    const params = { clusterId: 'local', topic };
    // A fresh cluster creates __consumer_offsets only when a group first looks for its coordinator.
    const admin = new Kafka({ brokers: target.bootstrap, clientId: 'it-admin', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.describeGroups([name('probe')]).finally(() => admin.disconnect());
    const partitions = parseTopicsDescribe(
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic]),
    ).length;
    expect((await send(patchTopicConfigs, topicPath(topic, '/configs'), params, 'PATCH', { set: { 'retention.ms': '1' } })).status).toBe(
      403,
    );
    expect((await send(addPartitions, topicPath(topic, '/partitions'), params, 'POST', { totalCount: 100 })).status).toBe(403);
    expect(
      (
        await send(deleteRecords, topicPath(topic, '/records/delete'), params, 'POST', {
          before: [{ partition: 0, offset: '0' }],
          confirm: topic,
        })
      ).status,
    ).toBe(403);
    expect((await send(deleteTopic, topicPath(topic), params, 'DELETE', { confirm: topic })).status).toBe(403);
    expect(parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic])).length).toBe(
      partitions,
    );
  }, 60_000);

  it('changes dynamic broker configs one key at a time, per broker and cluster-wide; static ones are refused', async () => {
    const KEY = 'log.cleaner.io.buffer.load.factor';
    for (const [segment, entity] of [
      ['1', ['--entity-name', '1']],
      ['default', ['--entity-default']],
    ] as const) {
      const params = { clusterId: 'local', brokerId: segment };
      const path = `/api/v1/clusters/local/brokers/${segment}/configs`;
      const before = describeDynamic([...entity]);
      const set = await send(patchBrokerConfigs, path, params, 'PATCH', { set: { [KEY]: '0.8' } });
      expect(set.status, segment).toBe(200);
      expect(configListResponseSchema.parse(set.body).configs.find((c) => c.name === KEY)?.value).toBe('0.8');
      expect(describeDynamic([...entity]).filter((l) => !before.includes(l))).toEqual([
        expect.stringMatching(new RegExp(`^  ${KEY.replaceAll('.', '\\.')}=0\\.8 `)),
      ]);
      expect((await send(patchBrokerConfigs, path, params, 'PATCH', { delete: [KEY] })).status).toBe(200);
      expect(describeDynamic([...entity])).toEqual(before);
    }
    const readOnly = await send(
      patchBrokerConfigs,
      '/api/v1/clusters/local/brokers/1/configs',
      { clusterId: 'local', brokerId: '1' },
      'PATCH',
      { set: { 'log.dirs': '/tmp/x' } },
    );
    expect([readOnly.status, Object.keys((readOnly.body as { error: { fieldErrors: object } }).error.fieldErrors)]).toEqual([
      422,
      ['set.log.dirs'],
    ]);
    // Dynamic, but not the console's to change: a listener's JAAS config, a keystore password.
    const before = describeDynamic(['--entity-name', '1']);
    for (const key of [
      'listener.name.plaintext.plain.sasl.jaas.config',
      'listener.name.plaintext.ssl.keystore.password',
      'metric.reporters',
    ]) {
      const refused = await send(
        patchBrokerConfigs,
        '/api/v1/clusters/local/brokers/1/configs',
        { clusterId: 'local', brokerId: '1' },
        'PATCH',
        { set: { [key]: 'x' } },
      );
      expect(refused.status, key).toBe(422);
      expect((refused.body as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors[`set.${key}`]![0]).toMatch(
        /kafka-configs/,
      );
    }
    expect(describeDynamic(['--entity-name', '1'])).toEqual(before);
  }, 60_000);

  it("gives the create form the cluster's own defaults", async () => {
    const { status, body } = await callRoute(getDefaults, '/api/v1/clusters/local/topic-defaults', { clusterId: 'local' });
    expect(status).toBe(200);
    const defaults = topicDefaultsResponseSchema.parse(body);
    const broker = describeAll('brokers', ['--entity-name', '1']);
    const brokerValue = (key: string) => broker.find((c) => c.name === key)?.value;
    expect(defaults).toMatchObject({
      partitions: Number(brokerValue('num.partitions')),
      replicationFactor: Number(brokerValue('default.replication.factor')),
      liveBrokers: 3,
    });
    expect(defaults.configs['retention.ms']).toBe(
      brokerValue('log.retention.ms') ?? String(Number(brokerValue('log.retention.hours')) * 3_600_000),
    );
    expect(defaults.configs['cleanup.policy']).toBe(brokerValue('log.cleanup.policy'));
  });
});
