import { describe, expect, it } from 'vitest';
import { brokerErrorText, onBrokers } from '@/server/kafka/broker-wave';
import { connectionRefused, fakeConnection } from '@/test/support/kafka-fakes';

const answer = async (_broker: unknown, brokerId: number) => `data of ${brokerId}`;

describe('onBrokers', () => {
  it('refreshes metadata once when the pool does not know a broker yet (right after connect)', async () => {
    const { connection, cluster } = fakeConnection({ pooled: [] });
    const outcomes = await onBrokers(connection, [3, 1, 2, 1], answer);
    expect(cluster.refreshMetadata).toHaveBeenCalledTimes(1);
    expect(outcomes).toEqual([1, 2, 3].map((brokerId) => ({ brokerId, ok: true, value: `data of ${brokerId}` })));
  });

  it('does not refresh when every broker is known', async () => {
    const { connection, cluster } = fakeConnection({ pooled: [1, 2, 3] });
    await onBrokers(connection, [1, 2], answer);
    expect(cluster.refreshMetadata).not.toHaveBeenCalled();
  });

  it('reports an id unknown after the refresh without asking kafkajs (which would refresh again)', async () => {
    const { connection, cluster } = fakeConnection({ pooled: [1] });
    const outcomes = await onBrokers(connection, [1, 99], answer);
    expect(outcomes).toEqual([
      { brokerId: 1, ok: true, value: 'data of 1' },
      { brokerId: 99, ok: false, error: 'broker 99 is not in the cluster metadata' },
    ]);
    expect(cluster.refreshMetadata).toHaveBeenCalledTimes(1);
    expect(cluster.findBroker).not.toHaveBeenCalledWith({ nodeId: 99 });
  });

  it('gives an unreachable broker an address-free error and the others their data', async () => {
    const { connection } = fakeConnection({ pooled: [1, 2, 3], down: [2] });
    const outcomes = await onBrokers(connection, [1, 2, 3], answer);
    expect(outcomes[1]).toEqual({ brokerId: 2, ok: false, error: 'broker 2 is unreachable or did not answer in time' });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
  });

  it('bounds each broker by the timeout', async () => {
    const { connection } = fakeConnection({ pooled: [1, 2] });
    const started = Date.now();
    const outcomes = await onBrokers(
      connection,
      [1, 2],
      (_broker, id) => (id === 2 ? new Promise<string>(() => {}) : Promise.resolve('fast')),
      { timeoutMs: 50 },
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(outcomes).toEqual([
      { brokerId: 1, ok: true, value: 'fast' },
      { brokerId: 2, ok: false, error: 'broker 2 did not answer within 0.05 s' },
    ]);
  });

  it('still asks the known brokers when the metadata refresh fails', async () => {
    const { connection } = fakeConnection({ pooled: [1], refreshFails: true });
    const outcomes = await onBrokers(connection, [1, 2], answer);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
  });
});

describe('brokerErrorText', () => {
  it('names Kafka error types and unwraps kafkajs retry wrappers', () => {
    const kafka = Object.assign(new Error('Cluster authorization failed'), { type: 'CLUSTER_AUTHORIZATION_FAILED' });
    expect(brokerErrorText(kafka, 1)).toBe('CLUSTER_AUTHORIZATION_FAILED: Cluster authorization failed');
    const wrapped = Object.assign(new Error('retries exceeded'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      originalError: connectionRefused(),
    });
    expect(brokerErrorText(wrapped, 3)).toBe('broker 3 is unreachable or did not answer in time');
  });

  it('never repeats a broker address', () => {
    for (const error of [
      connectionRefused(),
      Object.assign(new Error('Request timed out 127.0.0.1:9092'), { name: 'KafkaJSRequestTimeoutError' }),
    ]) {
      expect(brokerErrorText(error, 2)).not.toMatch(/127\.0\.0\.1|9092|9093/);
    }
  });

  it('says when a response could not be decoded, and keeps unsupported-version messages', () => {
    expect(brokerErrorText(Object.assign(new Error('truncated'), { name: 'ProtocolDecodeError' }), 1)).toBe(
      'broker 1 sent a response the console could not read',
    );
    const unsupported = Object.assign(new Error('the broker does not support DescribeLogDirs'), { name: 'UnsupportedApiError' });
    expect(brokerErrorText(unsupported, 1)).toBe('the broker does not support DescribeLogDirs');
  });
});
