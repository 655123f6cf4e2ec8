import { spawn } from 'node:child_process';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { Kafka, logLevel, type Admin, type Consumer } from '@/server/kafka/kafkajs';
import { e2eBootstrap } from './console-config';
import { startStreamsApp, streamsAppInternalTopics } from '../scripts/kafka/streams-app/launch.mjs';

type Fixtures = {
  /** Seeds and cleans up through the admin client, never through the UI. */
  kafka: {
    admin: Admin;
    createTopic: (options: { replicaAssignment: number[][] }) => Promise<string>;
    /**
     * `count` records to every partition of `topic` (keys pick no partition: each send names it); `valueBytes`
     * makes each value that long (sent in requests of at most ~500 kB, under the brokers' message.max.bytes).
     */
    produce: (topic: string, partitions: number, count: number, valueBytes?: number) => Promise<void>;
    /** These records, as given (keys, values, headers, partitions), acks=all. */
    send: (
      topic: string,
      messages: { partition: number; key?: string | null; value: string | null; headers?: Record<string, string> }[],
    ) => Promise<void>;
    /** A group that only has committed offsets (no member), as `kafka-consumer-groups --reset-offsets` leaves one. */
    commitOffsets: (groupId: string, topic: string, offsets: number[]) => Promise<void>;
    /** A kafkajs consumer in `groupId` (a live member); the test connects and disconnects it, the group is deleted after. */
    consumer: (groupId: string) => Consumer;
    /**
     * A member of share group `groupId` (KIP-932: kafkajs has no share consumer, so Kafka's console share consumer);
     * stop() ends it, and the group is deleted after the test.
     */
    shareConsumer: (topic: string, groupId: string) => { stop: () => Promise<void> };
    /**
     * The streams workload (KIP-1071: a Kafka Streams word count reading `topic`) as application `applicationId`,
     * RUNNING when this resolves; the group, its output and internal topics are deleted after the test.
     */
    streamsApp: (topic: string, applicationId: string) => Promise<{ stop: () => Promise<void> }>;
  };
};

export const test = base.extend<Fixtures>({
  kafka: async ({}, use, testInfo) => {
    const kafka = new Kafka({ clientId: 'e2e', brokers: e2eBootstrap(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const created: string[] = [];
    const groups: string[] = [];
    const internal: string[] = [];
    const running: { stop: () => Promise<void> }[] = [];
    await use({
      admin,
      createTopic: async ({ replicaAssignment }) => {
        const topic = `e2e-${testInfo.testId.slice(0, 8)}-${Date.now()}`;
        await admin
          .createTopics({
            topics: [{ topic, replicaAssignment: replicaAssignment.map((replicas, partition) => ({ partition, replicas })) }],
            waitForLeaders: true,
          })
          // kafkajs waits for leaders with a Metadata request to any broker; one that has not applied the new topic
          // yet answers UNKNOWN_TOPIC_OR_PARTITION, which kafkajs gives up on. The topic exists: wait for it here.
          .catch((error: unknown) => {
            if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
          });
        await waitForLeaders(admin, topic, replicaAssignment.length);
        created.push(topic);
        return topic;
      },
      produce: async (topic, partitions, count, valueBytes) => {
        const producer = kafka.producer();
        await producer.connect();
        const value = (i: number) => (valueBytes ? `record ${i} `.padEnd(valueBytes, 'x') : `record ${i}`);
        const messages = Array.from({ length: partitions }, (_, partition) =>
          Array.from({ length: count }, (__, i) => ({ partition, value: value(i) })),
        ).flat();
        const perSend = valueBytes ? Math.max(1, Math.floor(500_000 / valueBytes)) : messages.length;
        try {
          for (let i = 0; i < messages.length; i += perSend)
            await producer.send({ topic, messages: messages.slice(i, i + perSend), acks: -1 });
        } finally {
          await producer.disconnect();
        }
      },
      send: async (topic, messages) => {
        const producer = kafka.producer();
        await producer.connect();
        try {
          await producer.send({ topic, messages, acks: -1 });
        } finally {
          await producer.disconnect();
        }
      },
      consumer: (groupId) => {
        groups.push(groupId);
        return kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
      },
      shareConsumer: (topic, groupId) => {
        groups.push(groupId);
        const tool = path.resolve(import.meta.dirname, '../scripts/kafka/bin/kafka-console-share-consumer');
        const child = spawn(tool, ['--bootstrap-server', e2eBootstrap().join(','), '--topic', topic, '--group', groupId], {
          stdio: 'ignore',
        });
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        return {
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        };
      },
      streamsApp: async (topic, applicationId) => {
        const output = `${applicationId}-counts`;
        await admin.createTopics({ topics: [{ topic: output, numPartitions: 2, replicationFactor: 2 }], waitForLeaders: true });
        created.push(output);
        groups.push(applicationId);
        internal.push(...streamsAppInternalTopics(applicationId));
        const app = await startStreamsApp({ bootstrap: e2eBootstrap().join(','), applicationId, input: topic, output });
        running.push(app);
        return app;
      },
      commitOffsets: async (groupId, topic, offsets) => {
        await admin.setOffsets({ groupId, topic, partitions: offsets.map((offset, partition) => ({ partition, offset: String(offset) })) });
        groups.push(groupId);
      },
    });
    await admin.disconnect();
    // A fresh client: one that was told of a topic the test then deleted keeps asking for it and fails.
    const cleaner = kafka.admin();
    await cleaner.connect();
    await Promise.all(running.map((app) => app.stop()));
    if (groups.length) await cleaner.deleteGroups(groups).catch(() => {});
    if (created.length) await cleaner.deleteTopics({ topics: created });
    // Created by the group coordinator, when the application got that far.
    for (const topic of internal) await cleaner.deleteTopics({ topics: [topic] }).catch(() => {});
    await cleaner.disconnect();
  },
});

/** Until every partition of `topic` has a leader in the metadata (10 s at most). */
async function waitForLeaders(admin: Admin, topic: string, partitions: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => null);
    const led = metadata?.topics[0]?.partitions.filter((p) => p.leader >= 0).length ?? 0;
    if (led === partitions) return;
    if (Date.now() > deadline) throw new Error(`${topic}: ${led} of ${partitions} partitions have a leader after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export { expect } from '@playwright/test';
