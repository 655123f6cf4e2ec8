import { afterAll, describe, expect, it } from 'vitest';
import { GET as getOverview } from '@/app/api/v1/clusters/[clusterId]/overview/route';
import { clusterOverviewSchema } from '@/lib/schemas/overview';
import { SNAPSHOT_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { kafkaCli, parseQuorumStatus, parseTopicsDescribe } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');

async function overview() {
  const { status, body } = await callRoute(getOverview, '/api/v1/clusters/local/overview', { clusterId: 'local' });
  expect(status).toBe(200);
  return clusterOverviewSchema.parse(body);
}

describe(`cluster overview on ${target.label}`, () => {
  afterAll(async () => {
    await closeAllConnections();
    await closeDb();
  });

  it('counts topics, partitions, replicas and risks as kafka-topics --describe shows them', async () => {
    // Other clients may create topics between the two reads, and the API answers from a snapshot up to 5 s
    // old: compare a few times, reading the API last.
    let last: unknown;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const cli = parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe']));
      await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_MAX_AGE_MS + 100));
      const data = await overview();
      const expected = {
        topics: new Set(cli.map((p) => p.topic)).size,
        partitions: cli.length,
        replicas: cli.reduce((t, p) => t + p.replicas.length, 0),
        underReplicated: cli.filter((p) => p.isr.length < p.replicas.length).length,
        nonPreferredLeaders: cli.filter((p) => p.leader !== null && p.leader !== p.replicas[0]).length,
      };
      const actual = {
        topics: data.topics,
        partitions: data.partitions,
        replicas: data.replicas,
        underReplicated: data.underReplicated,
        nonPreferredLeaders: data.nonPreferredLeaders,
      };
      if (JSON.stringify(actual) === JSON.stringify(expected)) {
        expect(data.offline).toBe(0);
        expect(data.brokers).toEqual({ up: 3, known: 3, down: [] });
        expect(data.mode).toBe(target.mode);
        expect(data.kafkaVersion.release).toBe(target.version.split('.').slice(0, 2).join('.'));
        expect(data.kafkaVersion.label).toMatch(/inferred from ApiVersions/);
        expect(BigInt(data.totalSizeBytes ?? '-1')).toBeGreaterThanOrEqual(0n);
        return;
      }
      last = { actual, expected };
    }
    expect(last).toBeUndefined();
  });

  it.runIf(target.mode === 'kraft')('shows the controller quorum as kafka-metadata-quorum does', async () => {
    const cli = parseQuorumStatus(kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--status']));
    const { quorum, controllerId } = await overview();
    expect(quorum?.leaderId).toBe(cli.leaderId);
    expect(controllerId).toBe(cli.leaderId);
    expect(quorum?.voters.map((v) => v.id).sort()).toEqual(cli.voterIds);
    expect(quorum?.voters.find((v) => v.id === cli.leaderId)?.lag).toBe('0');
    // Endpoints and directory ids (KIP-853) as --status and --replication print them; the dev cluster's nodes are
    // brokers and controllers both, in a static quorum (Kafka's zero directory id, printed AAAAAAAAAAAAAAAAAAAAAA).
    expect(Object.fromEntries(quorum!.voters.map((v) => [v.id, v.endpoints]))).toEqual(cli.voterEndpoints);
    const replication = kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--replication']);
    const directories = Object.fromEntries(
      [...replication.matchAll(/^(\d+)\s+(\S+)\s+\d+/gm)].map((m) => [Number(m[1]), m[2] === 'AAAAAAAAAAAAAAAAAAAAAA' ? null : m[2]]),
    );
    expect(Object.fromEntries([...quorum!.voters, ...quorum!.observers].map((r) => [r.id, r.directoryId]))).toEqual(directories);
    expect(quorum!.voters.every((v) => !v.controllerOnly)).toBe(true);
  });

  it.runIf(target.mode === 'zookeeper')('has no quorum on a ZooKeeper cluster', async () => {
    expect((await overview()).quorum).toBeNull();
  });
});
