import type { KafkajsMetadata } from 'kafkajs/src/broker/index.js';
import { describe, expect, it } from 'vitest';
import { parseMetadata } from '@/server/kafka/lenient-metadata';

const partition = (partitionId: number, partitionErrorCode: number, leader: number) => ({
  partitionErrorCode,
  partitionId,
  leader,
  replicas: [3],
  isr: [3],
  offlineReplicas: leader < 0 ? [3] : [],
});

const metadata = (topicErrorCode: number, ...partitions: ReturnType<typeof partition>[]): KafkajsMetadata => ({
  clusterId: 'c',
  controllerId: 1,
  brokers: [],
  topicMetadata: [{ topicErrorCode, topic: 't', isInternal: false, partitionMetadata: partitions }],
});

describe('parseMetadata', () => {
  it('keeps the layout of partitions without a live leader (LEADER_NOT_AVAILABLE, REPLICA_NOT_AVAILABLE)', async () => {
    const data = metadata(0, partition(0, 5, -1), partition(1, 9, 3), partition(2, 0, 3));
    await expect(parseMetadata(data)).resolves.toBe(data);
  });

  it('still throws on topic errors and on other partition errors, as kafkajs does', async () => {
    await expect(parseMetadata(metadata(29, partition(0, 0, 3)))).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    await expect(parseMetadata(metadata(0, partition(0, 3, 3)))).rejects.toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION' });
  });
});
