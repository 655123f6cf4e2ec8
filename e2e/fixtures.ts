import { test as base } from '@playwright/test';
import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import { e2eBootstrap } from './console-config';

type Fixtures = {
  /** Seeds and cleans up through the admin client, never through the UI. */
  kafka: {
    admin: Admin;
    createTopic: (options: { replicaAssignment: number[][] }) => Promise<string>;
    /** `count` records to every partition of `topic` (keys pick no partition: each send names it). */
    produce: (topic: string, partitions: number, count: number) => Promise<void>;
    /** A group that only has committed offsets (no member), as `kafka-consumer-groups --reset-offsets` leaves one. */
    commitOffsets: (groupId: string, topic: string, offsets: number[]) => Promise<void>;
    /** A kafkajs consumer in `groupId` (a live member); the test connects and disconnects it, the group is deleted after. */
    consumer: (groupId: string) => Consumer;
  };
};

export const test = base.extend<Fixtures>({
  kafka: async ({}, use, testInfo) => {
    const kafka = new Kafka({ clientId: 'e2e', brokers: e2eBootstrap(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const created: string[] = [];
    const groups: string[] = [];
    await use({
      admin,
      createTopic: async ({ replicaAssignment }) => {
        const topic = `e2e-${testInfo.testId.slice(0, 8)}-${Date.now()}`;
        await admin.createTopics({
          topics: [{ topic, replicaAssignment: replicaAssignment.map((replicas, partition) => ({ partition, replicas })) }],
          waitForLeaders: true,
        });
        created.push(topic);
        return topic;
      },
      produce: async (topic, partitions, count) => {
        const producer = kafka.producer();
        await producer.connect();
        const messages = Array.from({ length: partitions }, (_, partition) => Array.from({ length: count }, (__, i) => ({ partition, value: `record ${i}` }))).flat();
        await producer.send({ topic, messages, acks: -1 });
        await producer.disconnect();
      },
      consumer: (groupId) => {
        groups.push(groupId);
        return kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
      },
      commitOffsets: async (groupId, topic, offsets) => {
        await admin.setOffsets({ groupId, topic, partitions: offsets.map((offset, partition) => ({ partition, offset: String(offset) })) });
        groups.push(groupId);
      },
    });
    if (groups.length) await admin.deleteGroups(groups).catch(() => {});
    if (created.length) await admin.deleteTopics({ topics: created });
    await admin.disconnect();
  },
});

export { expect } from '@playwright/test';
