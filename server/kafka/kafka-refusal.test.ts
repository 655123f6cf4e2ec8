import { describe, expect, it } from 'vitest';
import { configKeyNamed, kafkaRefusal } from '@/server/kafka/kafka-refusal';

describe('configKeyNamed', () => {
  const keys = ['retention.ms', 'retention.bytes', 'segment.ms', 'log.segment.ms', 'foo'];
  it.each([
    ['Invalid value abc for configuration retention.ms: Not a number of type LONG', 'retention.ms'],
    ['Unknown topic config name: foo', 'foo'],
    ['Invalid value -5 for configuration retention.bytes.', 'retention.bytes'],
    ['Invalid value x for configuration log.segment.ms: …', 'log.segment.ms'],
    ['Replication factor must be larger than 0', null],
  ])('%s → %s', (message, key) => {
    expect(configKeyNamed(message, keys)).toBe(key);
  });
});

describe('kafkaRefusal', () => {
  const fields = { configField: 'configs', configKeys: ['retention.ms'], byType: { INVALID_REPLICATION_FACTOR: 'replicationFactor' } };

  it('is null when Kafka accepted', () => {
    expect(kafkaRefusal(0, null, fields)).toBeNull();
  });

  it('puts an INVALID_CONFIG refusal on the key it names, with Kafka’s words', () => {
    const error = kafkaRefusal(40, 'Invalid value abc for configuration retention.ms: Not a number of type LONG', fields);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      status: 422,
      fieldErrors: { 'configs.retention.ms': ['Invalid value abc for configuration retention.ms: Not a number of type LONG'] },
    });
  });

  it('maps other validation types to their field, existence to 409 and unknown topics to 404', () => {
    expect(kafkaRefusal(38, 'Replication factor: 4 larger than available brokers: 3.', fields)?.fieldErrors).toEqual({
      replicationFactor: ['Replication factor: 4 larger than available brokers: 3.'],
    });
    expect(kafkaRefusal(36, "Topic 't' already exists.", fields)).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(kafkaRefusal(3, null, fields)).toMatchObject({ code: 'NOT_FOUND' });
    expect(kafkaRefusal(44, 'no', fields)?.fieldErrors).toEqual({ request: ['no'] });
    expect(kafkaRefusal(42, 'Cannot update these configs dynamically: [retention.ms]', fields)?.fieldErrors).toEqual({
      'configs.retention.ms': ['Cannot update these configs dynamically: [retention.ms]'],
    });
  });
});
