// GET /metrics against Kafka's own tools: a stopped group's lag and offsets as kafka-consumer-groups --describe
// prints them, the topic's offsets as kafka-get-offsets does; the text through a Prometheus parser and promtool.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/metrics/route';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { groupOffsetsFromCli, type CliOffsetRow } from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { getOffsetsFromCli, produceRecords } from './support/records-cli';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const topic = `it-prom-${stamp}`;
const group = `it-prom-stopped-${stamp}`;
const PROMTOOL = '/usr/bin/promtool';

const scrape = (token: string | null = TEST_TOKENS.viewer) => callRoute(GET, '/metrics', {}, { token });

/** The samples of one family whose labels include `match`, as { labels, value } with values as printed. */
function samples(families: ParsedFamily[], name: string, match: Record<string, string> = {}) {
  const family = families.find((f) => f.name === name);
  return (family?.metrics ?? []).filter((m) => Object.entries(match).every(([k, v]) => m.labels?.[k] === v));
}
const valueOf = (families: ParsedFamily[], name: string, match: Record<string, string>) => {
  const found = samples(families, name, match);
  expect(found, `${name} ${JSON.stringify(match)}`).toHaveLength(1);
  return found[0]!.value;
};

let text: string;
let families: ParsedFamily[];
let firstScrapeMs: number;
let cli: CliOffsetRow[];

const isProcessFamily = (name: string) => name.startsWith('process_') || name.startsWith('nodejs_');

describe(`GET /metrics on ${target.label}: kafka_exporter's names, against the Kafka CLI`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '3',
      '--replication-factor',
      '2',
    ]);
    produceRecords(topic, 300);
    // Reads part of the topic and leaves: Empty, with commits (on one to three partitions, as its fetches went).
    kafkaCli('kafka-console-consumer', [
      '--bootstrap-server',
      bootstrap,
      '--topic',
      topic,
      '--group',
      group,
      '--from-beginning',
      '--max-messages',
      '100',
      '--timeout-ms',
      '30000',
    ]);
    // Then 10 more records on every partition (round robin), so each committed partition has lag; nothing after.
    kafkaCli('kafka-producer-perf-test', [
      '--topic',
      topic,
      '--num-records',
      '30',
      '--record-size',
      '100',
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${bootstrap}`,
      'acks=all',
      'partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner',
    ]);
    cli = groupOffsetsFromCli([group]);
    // The first scrape reads the snapshots (no sampler runs in tests), unreachable clusters included.
    const started = Date.now();
    expect((await scrape()).status).toBe(200);
    firstScrapeMs = Date.now() - started;
    // A cold read of a large cluster (a benchmark fixture) may outlast the per-cluster deadline; it goes on and serves
    // the next scrape. Joining it (Infinity starts no read of its own) makes the next scrape a whole one.
    for (const id of ['local', 'local-scram'])
      await Promise.all([getClusterSnapshot(id, { maxAgeMs: Infinity }), getGroupsSnapshot(id, { maxAgeMs: Infinity })]);
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    text = response.text;
    families = parsePrometheusTextFormat(text);
  }, 240_000);

  afterAll(async () => {
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', group]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it("parses, every family has HELP and TYPE, and every cluster's sample a cluster label (several clusters are configured)", () => {
    expect(families.length).toBeGreaterThan(10);
    const clusters = new Set(['local', 'local-scram', 'wrong-password', 'down']);
    for (const family of families) {
      // The process's own memory is the process's, whichever clusters it serves: no cluster label.
      if (isProcessFamily(family.name)) {
        expect(
          family.metrics.map((m) => m.labels ?? {}),
          family.name,
        ).toEqual([{}]);
        continue;
      }
      expect(family.help, family.name).not.toBe('');
      expect(['GAUGE', 'COUNTER', 'UNTYPED'], family.name).toContain(family.type);
      expect(text, family.name).toContain(`# TYPE ${family.name} ${family.type.toLowerCase()}\n`);
      // One expect per family, not per sample: a benchmark fixture makes 100,000 samples.
      expect(
        family.metrics.filter((m) => !clusters.has(m.labels?.cluster ?? '')),
        family.name,
      ).toEqual([]);
    }
  });

  // promtool (Debian package `prometheus`, installed by scripts/test/run.mjs) lints too; skipped only where it is absent.
  it.skipIf(!existsSync(PROMTOOL))('passes promtool check metrics (skipped when /usr/bin/promtool is absent)', () => {
    const result = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr + result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it("gives the stopped group's lag and offsets exactly as kafka-consumer-groups --describe", () => {
    expect(cli.length).toBeGreaterThan(0);
    const ours = { cluster: 'local', consumergroup: group };
    expect(samples(families, 'kafka_consumergroup_lag', ours)).toHaveLength(cli.length);
    expect(samples(families, 'kafka_consumergroup_current_offset', ours)).toHaveLength(cli.length);
    let sum = 0n;
    for (const row of cli) {
      const labels = { ...ours, topic: row.topic, partition: String(row.partition) };
      expect(valueOf(families, 'kafka_consumergroup_lag', labels), `lag of partition ${row.partition}`).toBe(row.lag ?? '-1');
      expect(valueOf(families, 'kafka_consumergroup_current_offset', labels), `offset of partition ${row.partition}`).toBe(
        row.currentOffset ?? '-1',
      );
      expect(BigInt(row.lag!), `lag of partition ${row.partition}`).toBeGreaterThan(0n);
      sum += BigInt(row.lag!);
    }
    expect(valueOf(families, 'kafka_consumergroup_lag_sum', { ...ours, topic })).toBe(sum.toString());
    expect(valueOf(families, 'kafka_consumergroup_members', ours)).toBe('0');
  });

  it('gives the topic as kafka-get-offsets and kafka-topics do, and the brokers', () => {
    const latest = getOffsetsFromCli(topic, '-1');
    const earliest = getOffsetsFromCli(topic, '-2');
    for (const partition of [0, 1, 2]) {
      const labels = { cluster: 'local', topic, partition: String(partition) };
      expect(valueOf(families, 'kafka_topic_partition_current_offset', labels)).toBe(latest[partition]);
      expect(valueOf(families, 'kafka_topic_partition_oldest_offset', labels)).toBe(earliest[partition]);
      expect(valueOf(families, 'kafka_topic_partition_replicas', labels)).toBe('2');
    }
    expect(valueOf(families, 'kafka_topic_partitions', { cluster: 'local', topic })).toBe('3');
    expect(valueOf(families, 'kafka_brokers', { cluster: 'local' })).toBe('3');
    expect(samples(families, 'kafka_topic_partitions', { cluster: 'local', topic: '__consumer_offsets' })).toHaveLength(1);
  });

  it("reports the console's Kafka requests by API, and which clusters it could read", () => {
    expect(Number(valueOf(families, 'kafka_console_kafka_requests_total', { cluster: 'local', api: 'ListOffsets' }))).toBeGreaterThan(0);
    expect(valueOf(families, 'kafka_console_cluster_up', { cluster: 'local' })).toBe('1');
    expect(valueOf(families, 'kafka_console_cluster_up', { cluster: 'local-scram' })).toBe('1');
    for (const cluster of ['down', 'wrong-password']) {
      expect(valueOf(families, 'kafka_console_cluster_up', { cluster })).toBe('0');
      expect(samples(families, 'kafka_brokers', { cluster })).toEqual([]);
      expect(samples(families, 'kafka_consumergroup_members', { cluster })).toEqual([]);
    }
    // Unreachable clusters cost at most the per-cluster deadline (6 s), in parallel.
    expect(firstScrapeMs).toBeLessThan(8_000);
  });

  it('answers later scrapes from the cached snapshots: no Kafka request for a cluster read less than a minute ago', async () => {
    const before = requestCounts('local');
    for (let i = 0; i < 2; i += 1) expect((await scrape()).status).toBe(200);
    expect(requestDelta(before, requestCounts('local'))).toEqual({});
  });

  it('shows a token limited to some clusters only those (the label stays: several are configured)', async () => {
    const { status, text: scoped } = await scrape(TEST_TOKENS.scopedViewer);
    expect(status).toBe(200);
    const clusters = new Set(
      parsePrometheusTextFormat(scoped)
        .filter((f) => !isProcessFamily(f.name))
        .flatMap((f) => f.metrics.map((m) => m.labels?.cluster)),
    );
    expect([...clusters]).toEqual(['local']);
  });

  it('refuses a scrape without a token: 401', async () => {
    const { status, body } = await scrape(null);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});
