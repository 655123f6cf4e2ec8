import { errorCodes } from 'kafkajs/src/protocol/error.js';
import { describe, expect, it } from 'vitest';
import { ApiError, ERROR_CODES, ERROR_STATUS } from '@/lib/errors';
import { DeadlineExceededError } from '@/server/kafka/deadline';
import { brokerNotFound, errorCodeForKafkaType, isUnreachable, toApiError, unwrapRetries } from '@/server/kafka/errors';

const protocolError = (type: string, retriable = false) =>
  Object.assign(new Error(`${type} happened`), { name: 'KafkaJSProtocolError', type, retriable });

describe('Kafka error mapping', () => {
  it('maps every Kafka error code to one of the console codes', () => {
    expect(errorCodes.length).toBeGreaterThan(80);
    for (const entry of errorCodes) {
      const apiError = toApiError(protocolError(entry.type, entry.retriable), 'local');
      expect(ERROR_CODES).toContain(apiError.code);
      expect(apiError.status).toBe(ERROR_STATUS[apiError.code]);
      expect(apiError.code).not.toBe('INTERNAL');
    }
  });

  it.each([
    ['TOPIC_AUTHORIZATION_FAILED', 'KAFKA_FORBIDDEN', 403],
    ['CLUSTER_AUTHORIZATION_FAILED', 'KAFKA_FORBIDDEN', 403],
    ['INVALID_PARTITIONS', 'VALIDATION', 422],
    ['POLICY_VIOLATION', 'VALIDATION', 422],
    ['TOPIC_ALREADY_EXISTS', 'CONFLICT', 409],
    ['REASSIGNMENT_IN_PROGRESS', 'CONFLICT', 409],
    ['NON_EMPTY_GROUP', 'CONFLICT', 409],
    ['UNKNOWN_TOPIC_OR_PARTITION', 'NOT_FOUND', 404],
    ['GROUP_ID_NOT_FOUND', 'NOT_FOUND', 404],
    ['UNSUPPORTED_VERSION', 'KAFKA_ERROR', 502],
  ])('%s → %s %d', (type, code, status) => {
    const apiError = toApiError(protocolError(type), 'local');
    expect(apiError.code).toBe(code);
    expect(apiError.status).toBe(status);
  });

  it('treats retriable Kafka errors as unavailable (503)', () => {
    expect(errorCodeForKafkaType('NOT_CONTROLLER', true)).toBe('KAFKA_UNAVAILABLE');
    expect(errorCodeForKafkaType('LEADER_NOT_AVAILABLE', true)).toBe('KAFKA_UNAVAILABLE');
  });

  it('gives validation errors a field for the form', () => {
    const apiError = toApiError(protocolError('INVALID_REPLICATION_FACTOR'), 'local');
    expect(apiError.fieldErrors).toEqual({ replicationFactor: ['INVALID_REPLICATION_FACTOR happened'] });
  });

  it('answers connection failures with a fixed sentence, never the broker address', () => {
    const connection = Object.assign(new Error('Connection error: connect ECONNREFUSED 10.1.2.3:9092'), { name: 'KafkaJSConnectionError' });
    const retried = Object.assign(new Error('retries exceeded'), { name: 'KafkaJSNumberOfRetriesExceeded', originalError: connection });
    // kafkajs's Broker whose handshake has not been answered (a broker that accepts connections but is stopped).
    const handshakePending = new Error('Broker not connected');
    for (const error of [connection, retried, new DeadlineExceededError('x'), handshakePending]) {
      const apiError = toApiError(error, 'prod');
      expect(apiError.code).toBe('KAFKA_UNAVAILABLE');
      expect(apiError.message).toBe('Kafka cluster "prod" is unreachable or did not answer in time');
    }
  });

  it('classifies once: unreachable brokers, through kafkajs retry wrappers, and a forged "not found" broker', () => {
    const timeout = Object.assign(new Error('Request timed out to 127.0.0.1:9092'), { name: 'KafkaJSRequestTimeoutError' });
    const retried = Object.assign(new Error('gave up'), { name: 'KafkaJSNumberOfRetriesExceeded', originalError: timeout });
    const nonRetriable = Object.assign(new Error('no'), { name: 'KafkaJSNonRetriableError', originalError: retried });
    expect(unwrapRetries(nonRetriable)).toBe(timeout);
    expect(isUnreachable(nonRetriable)).toBe(true);
    expect(isUnreachable(protocolError('NOT_CONTROLLER', true))).toBe(false);
    expect(isUnreachable(brokerNotFound('gone'))).toBe(false);
    expect(toApiError(nonRetriable, 'local')).toMatchObject({ code: 'KAFKA_UNAVAILABLE', message: expect.not.stringContaining('9092') });
    expect(toApiError(brokerNotFound('no broker answered'), 'local').code).toBe('KAFKA_UNAVAILABLE');
    const own = new ApiError('CONFLICT', 'mine');
    expect(toApiError(Object.assign(new Error('x'), { name: 'KafkaJSNonRetriableError', originalError: own }), 'local')).toBe(own);
  });

  it('keeps ApiErrors and hides anything unknown behind INTERNAL', () => {
    const own = new ApiError('NOT_FOUND', 'gone');
    expect(toApiError(own, 'local')).toBe(own);
    const unknown = toApiError(new TypeError('secret detail'), 'local');
    expect(unknown.code).toBe('INTERNAL');
    expect(unknown.message).toBe('Internal error');
  });
});
