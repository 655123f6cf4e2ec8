import { describe, expect, it } from 'vitest';
import { topicConfigSpec, topicConfigValueError } from '@/lib/schemas/topic-config-catalog';

describe('topicConfigValueError', () => {
  it.each([
    ['retention.ms', '-1'],
    ['retention.ms', '604800000'],
    ['retention.ms', '9223372036854775807'],
    ['retention.bytes', '1073741824'],
    ['min.insync.replicas', '2'],
    ['max.message.bytes', '0'],
    ['segment.bytes', '2147483647'],
    ['segment.ms', '1'],
    ['compression.type', 'zstd'],
    ['cleanup.policy', 'compact'],
    ['cleanup.policy', 'compact,delete'],
    ['cleanup.policy', 'delete, compact'],
  ])('accepts %s=%s', (key, value) => {
    expect(topicConfigValueError(key, value)).toBeNull();
  });

  it.each([
    ['retention.ms', 'abc', 'A whole number'],
    ['retention.ms', '1.5', 'A whole number'],
    ['retention.ms', '-2', 'At least -1'],
    ['retention.ms', '9223372036854775808', 'At most 9223372036854775807'],
    ['segment.bytes', '2147483648', 'At most 2147483647'],
    ['segment.ms', '0', 'At least 1'],
    ['min.insync.replicas', '0', 'At least 1'],
    ['compression.type', 'brotli', 'One of producer, uncompressed, zstd, lz4, snappy, gzip'],
    ['cleanup.policy', 'compact,compact', 'Each value once'],
    ['cleanup.policy', 'forever', 'A comma-separated list of delete, compact'],
    ['cleanup.policy', '', 'A comma-separated list of delete, compact'],
  ])('refuses %s=%s', (key, value, message) => {
    expect(topicConfigValueError(key, value)).toBe(message);
  });

  it('refuses min.insync.replicas above a known replication factor', () => {
    expect(topicConfigValueError('min.insync.replicas', '3', { replicationFactor: 2 })).toMatch(/^At most the replication factor \(2\)/);
    expect(topicConfigValueError('min.insync.replicas', '2', { replicationFactor: 2 })).toBeNull();
  });

  it('leaves keys outside the catalog to Kafka', () => {
    expect(topicConfigSpec('message.timestamp.type')).toBeUndefined();
    expect(topicConfigValueError('message.timestamp.type', 'anything')).toBeNull();
  });
});
