import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrokers } from '@/app/api/v1/clusters/[clusterId]/brokers/route';
import { brokerListResponseSchema } from '@/lib/schemas/brokers';
import { SNAPSHOT_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { kafkaCli, parseBrokerApiVersions, parseQuorumStatus, parseTopicsDescribe } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-brokers-${Date.now()}`;

async function brokersFromApi() {
  const { status, body } = await callBrokers();
  expect(status).toBe(200);
  return brokerListResponseSchema.parse(body);
}

const callBrokers = (clusterId = 'local') => callRoute(getBrokers, `/api/v1/clusters/${clusterId}/brokers`, { clusterId });

/** The active controller as Kafka's own tools report it: the quorum leader (KRaft) or ZooKeeper's /controller. */
function controllerFromCli(): number {
  if (target.mode === 'kraft') {
    return parseQuorumStatus(kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--status'])).leaderId;
  }
  const out = kafkaCli('zookeeper-shell', ['-server', target.zookeeper!, 'get', '/kafka/controller']);
  return JSON.parse(out.split('\n').find((line) => line.startsWith('{'))!).brokerid as number;
}

function countsFromCli() {
  const partitions = parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe']));
  const counts = new Map<number, { leaderCount: number; replicaCount: number }>();
  const at = (id: number) => counts.get(id) ?? counts.set(id, { leaderCount: 0, replicaCount: 0 }).get(id)!;
  for (const p of partitions) {
    if (p.leader !== null) at(p.leader).leaderCount += 1;
    for (const r of p.replicas) at(r).replicaCount += 1;
  }
  return { partitions, counts };
}

describe(`brokers API on ${target.label}`, () => {
  beforeAll(() => {
    // A layout we know: broker 1 leads p0, 2 leads p1, 3 leads p2, each with one follower.
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--create', '--topic', topic, '--replica-assignment', '1:2,2:3,3:1']);
  });
  afterAll(async () => {
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
  });

  it('lists the brokers kafka-broker-api-versions lists, with host, port and rack', async () => {
    const cli = parseBrokerApiVersions(kafkaCli('kafka-broker-api-versions', ['--bootstrap-server', bootstrap]));
    expect(cli.map((b) => b.id)).toEqual([1, 2, 3]);
    const api = await brokersFromApi();
    expect(api.brokers.map(({ id, host, port, rack }) => ({ id, host, port, rack }))).toEqual(cli);
    expect(api.brokers.map((b) => b.rack)).toEqual(['rack-a', 'rack-b', 'rack-c']);
  });

  it(`reports the active controller as ${target.mode === 'kraft' ? 'kafka-metadata-quorum' : 'ZooKeeper'} does`, async () => {
    const api = await brokersFromApi();
    expect(api.controllerId).toBe(controllerFromCli());
  });

  it('counts leaders and replicas per broker exactly as kafka-topics --describe shows the layout', async () => {
    // Other clients (demo traffic) may change the layout between the two reads: compare a few times.
    let lastDiff: unknown;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const api = await brokersFromApi();
      const { partitions, counts } = countsFromCli();
      expect(partitions.some((p) => p.topic === topic)).toBe(true);
      const fromApi = api.brokers.map((b) => ({ id: b.id, leaderCount: b.leaderCount, replicaCount: b.replicaCount }));
      const fromCli = api.brokers.map((b) => ({ id: b.id, ...(counts.get(b.id) ?? { leaderCount: 0, replicaCount: 0 }) }));
      if (JSON.stringify(fromApi) === JSON.stringify(fromCli)) return;
      lastDiff = { fromApi, fromCli };
    }
    expect(lastDiff).toBeUndefined();
  });

  it('sees a topic created a moment ago (no stale metadata in the console)', async () => {
    const before = await brokersFromApi();
    const replicas = (api: typeof before) => api.brokers.reduce((sum, b) => sum + b.replicaCount, 0);
    const extra = `${topic}-late`;
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--create', '--topic', extra, '--replica-assignment', '1:2:3']);
    try {
      // Brokers learn of a new topic asynchronously (in ZooKeeper mode through the controller's
      // UpdateMetadata): the console must show it as soon as the broker it asks knows it.
      await expect.poll(async () => replicas(await brokersFromApi()) - replicas(before), { timeout: 10_000 }).toBe(3);
    } finally {
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', extra]);
    }
  });

  it('answers from the shared snapshot (5 s), whose refresh costs one request per wave and broker', async () => {
    await brokersFromApi();
    const before = requestCounts('local');
    await brokersFromApi();
    expect(requestDelta(before, requestCounts('local'))).toEqual({});
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_MAX_AGE_MS + 100));
    const beforeRefresh = requestCounts('local');
    const api = await brokersFromApi();
    const { partitions } = countsFromCli();
    const leaders = new Set(partitions.map((p) => p.leader).filter((l) => l !== null)).size;
    expect(requestDelta(beforeRefresh, requestCounts('local'))).toEqual({
      Metadata: 1,
      ...(target.mode === 'kraft' ? { DescribeQuorum: 1 } : {}),
      ListOffsets: 2 * leaders,
      DescribeLogDirs: api.brokers.length,
      DescribeConfigs: 1,
    });
  });

  it('answers 404 NOT_FOUND for an unknown cluster', async () => {
    const { status, body } = await callBrokers('no-such-cluster');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: 'Cluster "no-such-cluster" does not exist' } });
  });

  it('answers 503 KAFKA_UNAVAILABLE within the route deadline when no broker can be reached', async () => {
    const started = Date.now();
    const { status, body } = await callBrokers('down');
    expect(status).toBe(503);
    expect((body as { error: { code: string; message: string } }).error.code).toBe('KAFKA_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    expect(Date.now() - started).toBeLessThan(11_000);
  });

  it('reads the same brokers through the SASL/SCRAM-SHA-512 listener', async () => {
    const { status, body } = await callBrokers('local-scram');
    expect(status).toBe(200);
    const api = brokerListResponseSchema.parse(body);
    expect(api.brokers.map((b) => b.id)).toEqual([1, 2, 3]);
    // Brokers advertise both listeners; a SASL client is told the SASL ports.
    expect(api.brokers.map((b) => b.port)).toEqual(target.saslBootstrap.map((a) => Number(a.split(':')[1])));
  });
});
