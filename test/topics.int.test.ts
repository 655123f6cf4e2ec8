import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getHealth } from '@/app/api/v1/clusters/[clusterId]/health/route';
import { GET as getTopic } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/route';
import { GET as getTopics } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { clusterHealthResponseSchema } from '@/lib/schemas/health-partitions';
import { topicDetailResponseSchema, topicListResponseSchema } from '@/lib/schemas/topics';
import { closeDb } from '@/server/db/client';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { leaderSizes } from '@/server/cluster-state/topic-summary';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { partitionKey } from '@/server/kafka/partition-key';
import { requestDelta } from '@/server/kafka/request-counter';
import { readTopicView } from '@/server/topics/topic-view';
import { kafkaCli, parseTopicsDescribe, type CliPartition } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-topics-${Date.now()}`;

const sortIsr = (rows: CliPartition[]) =>
  rows.map((r) => ({ ...r, isr: [...r.isr].sort() })).sort((a, b) => (a.topic + a.partition < b.topic + b.partition ? -1 : 1));

/** kafka-get-offsets prints `topic:partition:offset` lines. */
function cliOffsets(time: '-1' | '-2') {
  const out = kafkaCli('kafka-get-offsets', ['--bootstrap-server', bootstrap, '--topic', topic, '--time', time]);
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => {
        const [, partition, offset] = line.split(':');
        return [Number(partition), offset];
      }),
  );
}

describe(`topics and health API on ${target.label}`, () => {
  beforeAll(() => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--replica-assignment',
      '1:2:3,2:3:1,3:1:2',
      '--config',
      'min.insync.replicas=2',
    ]);
    kafkaCli('kafka-producer-perf-test', [
      '--topic',
      topic,
      '--num-records',
      '300',
      '--record-size',
      '100',
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${bootstrap}`,
      'acks=all',
    ]);
    // Tests below read __consumer_offsets, which a fresh cluster creates at the first group coordinator lookup:
    // a reset executed for a throwaway group makes it exist when this file runs alone.
    kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--group',
      `${topic}-offsets-topic`,
      '--topic',
      topic,
      '--reset-offsets',
      '--to-earliest',
      '--execute',
    ]);
  });
  afterAll(async () => {
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', `${topic}-offsets-topic`]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  });

  it('lays out every topic, internal ones included, exactly as kafka-topics --describe', async () => {
    const cli = sortIsr(parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe'])));
    const { body } = await callRoute(getTopics, '/api/v1/clusters/local/topics', { clusterId: 'local' });
    const list = topicListResponseSchema.parse(body);
    const names = [...new Set(cli.map((p) => p.topic))].sort();
    expect(list.topics.map((t) => t.name).sort()).toEqual(names);
    const ours: CliPartition[] = [];
    for (const name of names) {
      const detail = topicDetailResponseSchema.parse(
        (await callRoute(getTopic, `/api/v1/clusters/local/topics/${encodeURIComponent(name)}`, { clusterId: 'local', topic: name })).body,
      );
      for (const p of detail.partitions)
        ours.push({
          topic: name,
          partition: p.partition,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
          elr: p.eligibleLeaderReplicas,
          lastKnownElr: p.lastKnownElr,
        });
    }
    // The 4.x tool prints Elr and LastKnownElr (KIP-966); where it prints none the console does not know them either.
    expect(sortIsr(ours)).toEqual(cli.map((p) => ({ ...p, elr: p.elr ?? null, lastKnownElr: p.lastKnownElr ?? null })));
  });

  it('reports offsets as kafka-get-offsets, messages, sizes and min ISR for a topic', async () => {
    const { status, body } = await callRoute(getTopic, `/api/v1/clusters/local/topics/${topic}`, { clusterId: 'local', topic });
    expect(status).toBe(200);
    const detail = topicDetailResponseSchema.parse(body);
    const [latest, earliest] = [cliOffsets('-1'), cliOffsets('-2')];
    expect(Object.fromEntries(detail.partitions.map((p) => [p.partition, p.highWatermark]))).toEqual(latest);
    expect(Object.fromEntries(detail.partitions.map((p) => [p.partition, p.logStartOffset]))).toEqual(earliest);
    expect(detail.minInsyncReplicas).toBe(2);
    expect(detail.configs?.find((c) => c.name === 'min.insync.replicas')).toMatchObject({ value: '2', source: 'topic', isDefault: false });
    expect(detail.configs?.find((c) => c.name === 'cleanup.policy')).toMatchObject({ isDefault: true });
    const summary = topicListResponseSchema.parse(
      (await callRoute(getTopics, `/api/v1/clusters/local/topics?q=${topic}`, { clusterId: 'local' })).body,
    ).topics[0]!;
    expect(summary).toMatchObject({ name: topic, partitionCount: 3, replicationFactor: 3, messageCount: '300', underMinIsrPartitions: 0 });
    expect(Number(summary.sizeBytes)).toBeGreaterThan(300 * 100);
  });

  it("reads a topic's page for that topic alone, exactly as the cluster snapshot has it", async () => {
    const names = [topic, '__consumer_offsets'];
    for (const name of names) {
      const snapshot = await getClusterSnapshot('local', { maxAgeMs: 0 });
      const before = requestCounts('local');
      const view = (await readTopicView('local', name))!;
      const delta = requestDelta(before, requestCounts('local'));
      const layout = snapshot.metadata.topics.find((t) => t.name === name)!;
      expect(view.layout, name).toEqual(layout);
      const keys = layout.partitions.map((p) => partitionKey(name, p.partition));
      expect(
        keys.map((k) => view.offsets.get(k)),
        name,
      ).toEqual(keys.map((k) => snapshot.offsets.get(k)));
      const sizes = leaderSizes(snapshot);
      expect(
        keys.map((k) => view.leaderSizes.get(k)),
        name,
      ).toEqual(keys.map((k) => sizes.get(k)));
      expect(keys.every((k) => view.leaderSizes.has(k))).toBe(true);
      const leaders = new Set(layout.partitions.map((p) => p.leader)).size;
      // DescribeTopicPartitions (the ELR) where brokers answer it: KRaft.
      const elr = target.mode === 'kraft' ? { DescribeTopicPartitions: 1 } : {};
      expect(delta, name).toEqual({ Metadata: 1, ListOffsets: expect.any(Number), DescribeLogDirs: leaders, DescribeConfigs: 1, ...elr });
      expect(delta.ListOffsets, name).toBeLessThanOrEqual(2 * leaders);
      expect(view.minIsr, name).toBe(snapshot.minIsr.get(name) ?? null);
    }
    expect(await readTopicView('local', `${topic}-missing`)).toBeNull();
  });

  it('filters, sorts and pages the list', async () => {
    const page = async (query: string) =>
      topicListResponseSchema.parse((await callRoute(getTopics, `/api/v1/clusters/local/topics?${query}`, { clusterId: 'local' })).body);
    const all = await page('');
    const external = await page('internal=false');
    // Kafka marks its own state topics internal (__consumer_offsets exists once a group has committed).
    const kafkaInternal = new Set(['__consumer_offsets', '__transaction_state', '__share_group_state']);
    for (const t of all.topics) expect(t.internal, t.name).toBe(kafkaInternal.has(t.name));
    expect(external.topics.map((t) => t.name)).toEqual(all.topics.filter((t) => !t.internal).map((t) => t.name));
    const bySize = await page('sort=-partitionCount&limit=2&offset=1');
    expect(bySize.topics).toHaveLength(Math.min(2, all.total - 1));
    expect(bySize.total).toBe(all.total);
    const bad = await callRoute(getTopics, '/api/v1/clusters/local/topics?sort=colour', { clusterId: 'local' });
    expect(bad.status).toBe(422);
  });

  it('answers 404 for a topic that does not exist, and finds one created a moment ago', async () => {
    expect(
      (await callRoute(getTopic, '/api/v1/clusters/local/topics/nope-nothing', { clusterId: 'local', topic: 'nope-nothing' })).status,
    ).toBe(404);
    const late = `${topic}-late`;
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      late,
      '--partitions',
      '1',
      '--replication-factor',
      '1',
    ]);
    try {
      await expect
        .poll(
          async () => (await callRoute(getTopic, `/api/v1/clusters/local/topics/${late}`, { clusterId: 'local', topic: late })).status,
          { timeout: 10_000 },
        )
        .toBe(200);
    } finally {
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', late]);
    }
  });

  it('lists only at-risk partitions in the health view', async () => {
    const health = clusterHealthResponseSchema.parse(
      (await callRoute(getHealth, '/api/v1/clusters/local/health', { clusterId: 'local' })).body,
    );
    expect(health.partitions.filter((p) => p.topic === topic)).toEqual([]);
  });
});
