import { test as base } from '@playwright/test';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { e2eBootstrap } from './console-config';

type Fixtures = {
  /** Seeds and cleans up through the admin client, never through the UI. */
  kafka: { admin: Admin; createTopic: (options: { replicaAssignment: number[][] }) => Promise<string> };
};

export const test = base.extend<Fixtures>({
  kafka: async ({}, use, testInfo) => {
    const admin = new Kafka({ clientId: 'e2e', brokers: e2eBootstrap(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const created: string[] = [];
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
    });
    if (created.length) await admin.deleteTopics({ topics: created });
    await admin.disconnect();
  },
});

export { expect } from '@playwright/test';
