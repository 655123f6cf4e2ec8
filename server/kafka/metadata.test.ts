import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KafkaConnection } from '@/server/kafka/connection';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { SilentBrokers } from '@/server/kafka/silent-brokers';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

function connectionTo(broker: Partial<KafkajsBroker>) {
  const seedBroker = { isConnected: () => true, connectionPool: { host: '127.0.0.1', port: 9092 }, ...broker } as KafkajsBroker;
  return { cluster: { brokerPool: { seedBroker, brokers: {} } }, silent: new SilentBrokers() } as unknown as KafkaConnection;
}

const METADATA = {
  clusterId: 'c',
  controllerId: 1,
  brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092, rack: 'rack-a' }],
  topicMetadata: [
    {
      topic: 't',
      isInternal: false,
      topicErrorCode: 0,
      partitionMetadata: [{ partitionId: 0, partitionErrorCode: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] }],
    },
  ],
};

describe('readClusterMetadata', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the instant the Metadata response arrived, not the request; a KRaft controller is left to withQuorum', async () => {
    vi.useFakeTimers({ now: 1_000 });
    const connection = connectionTo({ versions: { 55: { minVersion: 0, maxVersion: 2 } }, metadata: () => after(300, METADATA) } as never);
    const reading = readClusterMetadata(connection);
    await vi.advanceTimersByTimeAsync(1_000);
    const metadata = await reading;
    expect(metadata.asOf).toBe(1_300);
    // Metadata's controller id on KRaft is a random live broker, not the controller.
    expect(metadata).toMatchObject({ mode: 'kraft', controllerId: null, quorum: null, quorumError: null });
  });
});
