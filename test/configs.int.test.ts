import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrokerConfigs } from '@/app/api/v1/clusters/[clusterId]/brokers/[brokerId]/configs/route';
import { GET as getBroker } from '@/app/api/v1/clusters/[clusterId]/brokers/[brokerId]/route';
import { GET as getBrokers } from '@/app/api/v1/clusters/[clusterId]/brokers/route';
import { GET as getTopicConfigs } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/configs/route';
import { GET as getTopic } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/route';
import { brokerDetailResponseSchema, brokerListResponseSchema } from '@/lib/schemas/brokers';
import { configListResponseSchema, type ConfigEntry } from '@/lib/schemas/configs';
import { topicDetailResponseSchema } from '@/lib/schemas/topics';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { kafkaCli } from './support/cli';
import { parseConfigsDescribe } from './support/configs-cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-configs-${Date.now()}`;
// A dynamic broker config nothing else depends on: per broker on broker 2, cluster-wide default for the others.
const KEY = 'log.cleaner.backoff.ms';

const describeAll = (entityType: 'topics' | 'brokers', name: string) =>
  parseConfigsDescribe(
    kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--entity-type', entityType, '--entity-name', name, '--describe', '--all']),
  );

const alterBroker = (entity: string[], change: string[]) =>
  kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--entity-type', 'brokers', ...entity, '--alter', ...change]);

/** Ours as the CLI shows them: name, value, sensitive, and the source where the CLI names one. */
function asCli(ours: ConfigEntry[], cli: ReturnType<typeof parseConfigsDescribe>) {
  const cliSource = new Map(cli.map((c) => [c.name, c.source]));
  return ours.map((c) => ({
    name: c.name,
    value: c.value,
    sensitive: c.isSensitive,
    source: cliSource.get(c.name) === null ? null : c.source,
  }));
}

const byName = <T extends { name: string }>(rows: T[]) => [...rows].sort((a, b) => (a.name < b.name ? -1 : 1));

describe(`topic and broker configs on ${target.label}`, () => {
  beforeAll(() => {
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
      '--config',
      'retention.ms=3600000',
      '--config',
      'cleanup.policy=compact',
    ]);
    alterBroker(['--entity-default'], ['--add-config', `${KEY}=15002`]);
    alterBroker(['--entity-name', '2'], ['--add-config', `${KEY}=15001`]);
  });
  afterAll(async () => {
    alterBroker(['--entity-name', '2'], ['--delete-config', KEY]);
    alterBroker(['--entity-default'], ['--delete-config', KEY]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  });

  it('reads a topic’s configs exactly as kafka-configs --describe --all, overrides marked', async () => {
    const { status, body } = await callRoute(getTopicConfigs, `/api/v1/clusters/local/topics/${topic}/configs`, {
      clusterId: 'local',
      topic,
    });
    expect(status).toBe(200);
    const ours = configListResponseSchema.parse(body).configs;
    const cli = describeAll('topics', topic);
    expect(byName(asCli(ours, cli))).toEqual(byName(cli));
    expect(
      ours
        .filter((c) => !c.isDefault)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['cleanup.policy', 'retention.ms']);
  });

  it('leaves configs out of the topic detail only when asked to', async () => {
    const path = `/api/v1/clusters/local/topics/${topic}`;
    const full = topicDetailResponseSchema.parse((await callRoute(getTopic, path, { clusterId: 'local', topic })).body);
    const lean = topicDetailResponseSchema.parse((await callRoute(getTopic, `${path}?configs=false`, { clusterId: 'local', topic })).body);
    expect(full.configs?.find((c) => c.name === 'retention.ms')).toMatchObject({ value: '3600000', source: 'topic', isDefault: false });
    expect(lean.configs).toBeUndefined();
    expect(lean.partitions).toEqual(full.partitions);
    const refused = await callRoute(getTopic, `${path}?configs=maybe`, { clusterId: 'local', topic });
    expect(refused.status).toBe(422);
  });

  it.each([1, 2])('reads broker %i’s configs exactly as kafka-configs --describe --all, secrets masked', async (brokerId) => {
    const { status, body } = await callRoute(getBrokerConfigs, `/api/v1/clusters/local/brokers/${brokerId}/configs`, {
      clusterId: 'local',
      brokerId: String(brokerId),
    });
    expect(status).toBe(200);
    const ours = configListResponseSchema.parse(body).configs;
    const cli = describeAll('brokers', String(brokerId));
    expect(byName(asCli(ours, cli))).toEqual(byName(cli));
    expect(ours.find((c) => c.name === KEY)).toMatchObject(
      brokerId === 2 ? { value: '15001', source: 'dynamic-broker' } : { value: '15002', source: 'dynamic-default-broker' },
    );
    expect(ours.find((c) => c.name === 'advertised.listeners')).toMatchObject({ source: 'static-broker', isDefault: false });
    const sensitive = ours.filter((c) => c.isSensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    expect(sensitive.every((c) => c.value === null)).toBe(true);
    // The SCRAM listener's JAAS config is set in server.properties and must never reach the API.
    expect(JSON.stringify(body)).not.toContain(target.scram.password);
  });

  it('answers one broker with its row of the list, its log dirs and its configs', async () => {
    const list = brokerListResponseSchema.parse(
      (await callRoute(getBrokers, '/api/v1/clusters/local/brokers', { clusterId: 'local' })).body,
    );
    const { status, body } = await callRoute(getBroker, '/api/v1/clusters/local/brokers/1', { clusterId: 'local', brokerId: '1' });
    expect(status).toBe(200);
    const detail = brokerDetailResponseSchema.parse(body);
    const row = list.brokers.find((b) => b.id === 1)!;
    expect(detail.broker).toMatchObject({ id: 1, host: row.host, port: row.port, rack: row.rack, status: 'up' });
    expect(detail.controllerId).toBe(list.controllerId);
    // log.dirs wins over log.dir when set, as in Kafka.
    const config = (name: string) => detail.configs?.find((c) => c.name === name)?.value;
    const logDirsConfig = config('log.dirs') ?? config('log.dir');
    expect(detail.logDirs.map((d) => d.path).sort()).toEqual(logDirsConfig?.split(',').sort());
    expect(detail.logDirs.reduce((n, d) => n + d.replicaCount, 0)).toBe(detail.broker.replicaCount);
    expect(detail.logDirs.every((d) => d.error === null)).toBe(true);
    const lean = brokerDetailResponseSchema.parse(
      (await callRoute(getBroker, '/api/v1/clusters/local/brokers/1?configs=false', { clusterId: 'local', brokerId: '1' })).body,
    );
    expect(lean.configs).toBeUndefined();
  });

  it.each(['99', 'abc', '1.0', '-1', ' 1'])('answers 404 for broker "%s"', async (brokerId) => {
    for (const handler of [getBroker, getBrokerConfigs]) {
      const { status, body } = await callRoute(handler, `/api/v1/clusters/local/brokers/${encodeURIComponent(brokerId)}`, {
        clusterId: 'local',
        brokerId,
      });
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('answers 404 for the configs of a topic that does not exist', async () => {
    const name = `${topic}-missing`;
    const { status, body } = await callRoute(getTopicConfigs, `/api/v1/clusters/local/topics/${name}/configs`, {
      clusterId: 'local',
      topic: name,
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
