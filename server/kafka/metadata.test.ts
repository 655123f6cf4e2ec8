import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KafkaConnection } from '@/server/kafka/connection';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { SilentBrokers } from '@/server/kafka/silent-brokers';
import { describeQuorum } from '@/server/protocol/describe-quorum';

vi.mock('@/server/protocol/describe-quorum', async (original) => ({
  ...(await original<typeof import('@/server/protocol/describe-quorum')>()),
  describeQuorum: vi.fn(),
}));

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

describe('readClusterMetadata asOf', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the instant the Metadata response arrived: not the request, not the slower DescribeQuorum', async () => {
    vi.useFakeTimers({ now: 1_000 });
    vi.mocked(describeQuorum).mockImplementation(() =>
      after(900, { leaderId: 1, leaderEpoch: 1, highWatermark: '5', voters: [], observers: [] }),
    );
    const connection = connectionTo({ versions: { 55: { minVersion: 0, maxVersion: 2 } }, metadata: () => after(300, METADATA) } as never);
    const reading = readClusterMetadata(connection);
    await vi.advanceTimersByTimeAsync(1_000);
    const metadata = await reading;
    expect(metadata.asOf).toBe(1_300);
    expect(metadata).toMatchObject({ mode: 'kraft', controllerId: 1, quorum: { leaderId: 1 } });
  });
});
