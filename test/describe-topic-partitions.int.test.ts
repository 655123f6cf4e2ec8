// DescribeTopicPartitions (KIP-966's ELR and last known ELR) against kafka-topics --describe on the same cluster; on
// ZooKeeper-era brokers the API is absent and the console must say so rather than guess.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { onAnyBroker } from '@/server/kafka/connection';
import { describeTopicPartitions, supportsDescribeTopicPartitions } from '@/server/protocol/describe-topic-partitions';
import { kafkaCli, parseTopicsDescribe } from './support/cli';
import { kafkaTarget } from './support/kafka-target';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topics = [`it-dtp-${Date.now()}-a`, `it-dtp-${Date.now()}-b`];
const kafkaTopics = (args: string[]) => kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, ...args]);

describe(`DescribeTopicPartitions on ${target.label}`, () => {
  beforeAll(() => {
    for (const name of topics) kafkaTopics(['--create', '--topic', name, '--partitions', '3', '--replication-factor', '2']);
  });

  afterAll(async () => {
    for (const name of topics) kafkaTopics(['--delete', '--topic', name]);
    await closeAllConnections();
  });

  it.skipIf(target.mode !== 'kraft')('answers what kafka-topics --describe prints, page by page through the cursor', async () => {
    // Two partitions a page: the three of each topic take several requests, continued from the broker's cursor.
    const described = await withKafka('local', (c) => onAnyBroker(c, (b) => describeTopicPartitions(b, topics, { partitionLimit: 2 })));
    for (const name of topics) {
      const cli = parseTopicsDescribe(kafkaTopics(['--describe', '--topic', name]));
      const ours = described.find((t) => t.name === name);
      expect(ours?.errorCode).toBe(0);
      expect(
        ours!.partitions.map((p) => ({
          partition: p.partition,
          leader: p.leaderId,
          replicas: p.replicas,
          isr: p.isr,
          elr: p.eligibleLeaderReplicas,
          lastKnownElr: p.lastKnownElr,
        })),
      ).toEqual(
        cli.map((p) => ({
          partition: p.partition,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
          elr: p.elr,
          lastKnownElr: p.lastKnownElr,
        })),
      );
    }
  });

  it.skipIf(target.mode === 'kraft')('is absent on ZooKeeper-era brokers', async () => {
    const supported = await withKafka('local', (c) => onAnyBroker(c, async (b) => supportsDescribeTopicPartitions(b)));
    expect(supported).toBe(false);
  });
});
