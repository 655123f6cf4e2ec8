import { afterAll, describe, expect, it } from 'vitest';
import { withKafka, closeAllConnections } from '@/server/kafka/clients';
import { onAnyBroker } from '@/server/kafka/connection';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { describeQuorum, isKraftBroker } from '@/server/protocol/describe-quorum';
import { kafkaCli, parseQuorumStatus, parseTopicsDescribe } from './support/cli';
import { kafkaTarget } from './support/kafka-target';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');

describe(`protocol extensions on ${target.label}`, () => {
  afterAll(closeAllConnections);

  it(`detects the cluster mode (${target.mode}) from ApiVersions`, async () => {
    const kraft = await withKafka('local', (c) => onAnyBroker(c, async (broker) => isKraftBroker(broker)));
    expect(kraft).toBe(target.mode === 'kraft');
  });

  it.runIf(target.mode === 'kraft')('DescribeQuorum matches kafka-metadata-quorum describe --status', async () => {
    const cli = parseQuorumStatus(kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--status']));
    const quorum = await withKafka('local', (c) => onAnyBroker(c, describeQuorum));
    expect(quorum.leaderId).toBe(cli.leaderId);
    expect(quorum.leaderEpoch).toBe(cli.leaderEpoch);
    expect(quorum.voters.map((v) => v.replicaId).sort()).toEqual(cli.voterIds);
    // The metadata log keeps growing (heartbeats); ours was read after the CLI's.
    expect(BigInt(quorum.highWatermark)).toBeGreaterThanOrEqual(BigInt(cli.highWatermark!));
    const leader = quorum.voters.find((v) => v.replicaId === quorum.leaderId);
    expect(leader?.lastCaughtUpTimestamp).toBeGreaterThan(Date.now() - 60_000);
  });

  it('reads every partition layout (leader, replicas in order, ISR) as kafka-topics --describe does', async () => {
    const topic = `it-layout-${Date.now()}`;
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--create', '--topic', topic, '--replica-assignment', '3:1,2:3,1:2']);
    try {
      const cli = parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic]));
      const metadata = await withKafka('local', readClusterMetadata);
      const ours = metadata.topics
        .find((t) => t.name === topic)!
        .partitions.map((p) => ({ topic, partition: p.partition, leader: p.leader, replicas: p.replicas, isr: [...p.isr] }));
      const sortIsr = <T extends { isr: number[] }>(rows: T[]) => rows.map((r) => ({ ...r, isr: [...r.isr].sort() }));
      // Metadata carries no ELR (DescribeTopicPartitions does; test/describe-topic-partitions.int.test.ts).
      const layout = cli.map(({ elr: _elr, lastKnownElr: _lastKnownElr, ...rest }) => rest);
      expect(sortIsr(ours)).toEqual(sortIsr(layout));
      expect(ours.map((p) => p.replicas)).toEqual([
        [3, 1],
        [2, 3],
        [1, 2],
      ]);
    } finally {
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    }
  });
});
