import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllConnections, requestCounts, withKafka } from '@/server/kafka/clients';
import { readLogDirs, type BrokerLogDirsResult } from '@/server/kafka/log-dirs';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { requestDelta } from '@/server/kafka/request-counter';
import type { BrokerLogDirs } from '@/server/protocol/describe-log-dirs';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { produceRecords, settledLogDirsFromCli } from './support/records-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-log-dirs-${Date.now()}`;
const wide = `${topic}-wide`;
const RECORDS = 3_000;

const succeeded = (results: BrokerLogDirsResult[]) => results.filter((r): r is BrokerLogDirs => !('error' in r));

describe(`log dirs wave (DescribeLogDirs) on ${target.label}`, () => {
  beforeAll(() => {
    // Broker 1 leads p0 (follower 2), 2 leads p1 (follower 3), 3 leads p2 (follower 1).
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--create', '--topic', topic, '--replica-assignment', '1:2,2:3,3:1']);
    // 100 more partitions (200 replicas) so the wave's cost is measured on a realistic answer size.
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      wide,
      '--partitions',
      '100',
      '--replication-factor',
      '2',
    ]);
    produceRecords(topic, RECORDS);
  });
  afterAll(async () => {
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', wide]);
    await closeAllConnections();
  });

  it('reports every replica size exactly as kafka-log-dirs --describe does, once replication has settled', async () => {
    const cli = await settledLogDirsFromCli(topic);
    expect(cli.map((r) => [r.broker, r.partition])).toEqual([
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
      [3, 1],
      [3, 2],
    ]);
    // ~100-byte records in batches: the topic holds at least the payload bytes.
    expect(cli.reduce((sum, r) => sum + BigInt(r.size), 0n) / 2n).toBeGreaterThan(BigInt(RECORDS * 100));

    const results = await withKafka('local', (c) => readLogDirs(c, [1, 2, 3]));
    expect(results.map((r) => r.brokerId)).toEqual([1, 2, 3]);
    const ours = succeeded(results)
      .flatMap((b) =>
        b.logDirs.flatMap((dir) =>
          dir.partitions
            .filter((p) => p.topic === topic)
            .map((p) => ({ broker: b.brokerId, logDir: dir.path, partition: p.partition, size: p.sizeBytes, isFuture: p.isFuture })),
        ),
      )
      .sort((a, b) => a.broker - b.broker || a.partition - b.partition);
    expect(ours).toEqual(cli);
  });

  it('describes each log dir: path, no error, volume total and usable bytes (v4)', async () => {
    const results = succeeded(await withKafka('local', (c) => readLogDirs(c, [1, 2, 3])));
    expect(results).toHaveLength(3);
    for (const broker of results) {
      expect(broker.logDirs).toHaveLength(1);
      const [dir] = broker.logDirs;
      expect(dir!.path).toMatch(new RegExp(`broker-${broker.brokerId}/data$`));
      expect(dir!.error).toBeNull();
      // Both Kafka 3.9 and 4.x answer v4, which carries the volume's space (KIP-827).
      expect(BigInt(dir!.totalBytes!)).toBeGreaterThan(0n);
      expect(BigInt(dir!.usableBytes!)).toBeLessThanOrEqual(BigInt(dir!.totalBytes!));
    }
  });

  it('costs exactly one DescribeLogDirs request per broker', async () => {
    const metadata = await withKafka('local', readClusterMetadata);
    const brokerIds = metadata.brokers.map((b) => b.id);
    const before = requestCounts('local');
    const started = performance.now();
    const results = await withKafka('local', (c) => readLogDirs(c, brokerIds));
    const ms = performance.now() - started;
    const delta = requestDelta(before, requestCounts('local'));
    expect(succeeded(results)).toHaveLength(brokerIds.length);
    expect(delta.DescribeLogDirs).toBe(brokerIds.length);
    const replicas = succeeded(results).reduce((n, b) => n + b.logDirs.reduce((m, d) => m + d.partitions.length, 0), 0);
    console.info(
      `[${target.label}] log dirs wave: ${brokerIds.length} brokers, ${replicas} replicas, ${ms.toFixed(0)} ms, requests ${JSON.stringify(delta)}`,
    );
  });

  it('answers the other brokers when one broker id is unknown, with an error entry for it', async () => {
    const before = requestCounts('local');
    const results = await withKafka('local', (c) => readLogDirs(c, [3, 99, 1, 2, 1]));
    expect(results.map((r) => r.brokerId)).toEqual([1, 2, 3, 99]);
    expect(results[3]).toEqual({ brokerId: 99, error: 'broker 99 is not in the cluster metadata' });
    expect(succeeded(results).map((r) => r.brokerId)).toEqual([1, 2, 3]);
    // The unknown id costs one metadata refresh, never a DescribeLogDirs.
    expect(requestDelta(before, requestCounts('local')).DescribeLogDirs).toBe(3);
  });
});
