import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { describe, expect, it } from 'vitest';
import { KafkaErrorCode } from './error-codes';

// kafkajs's names for the codes whose Kafka name changed since kafkajs's table was written.
const KAFKAJS_NAMES: Record<string, string> = {
  COORDINATOR_LOAD_IN_PROGRESS: 'GROUP_LOAD_IN_PROGRESS',
  COORDINATOR_NOT_AVAILABLE: 'GROUP_COORDINATOR_NOT_AVAILABLE',
  NOT_COORDINATOR: 'NOT_COORDINATOR_FOR_GROUP',
};

describe('Kafka error codes', () => {
  it('name each code as kafkajs decodes it (apart from the renamed ones)', () => {
    for (const [name, code] of Object.entries(KafkaErrorCode)) {
      if (code === 0) continue;
      expect((createErrorFromCode(code) as { type: string }).type, name).toBe(KAFKAJS_NAMES[name] ?? name);
    }
  });
});
