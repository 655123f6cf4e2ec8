import { ApiError, type ErrorCode } from '@/lib/errors';

// The one classification of kafkajs's errors (by class name) for the console.
// A broker that cannot be reached or did not answer: another broker, or the same one later, may. Their messages
// carry host:port, so they are never shown as they are.
const UNREACHABLE = new Set(['KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSLockTimeout']);
// kafkajs's metadata does not (yet) know what was asked for. With the above and a route's own deadline
// (server/kafka/deadline.ts): "cannot reach or hear from the cluster right now".
const METADATA_MISSING = [
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSStaleTopicMetadataAssignment',
];
const UNAVAILABLE = new Set([...UNREACHABLE, ...METADATA_MISSING, 'DeadlineExceededError']);

const CONFLICT_TYPES = new Set(['TOPIC_ALREADY_EXISTS', 'REASSIGNMENT_IN_PROGRESS', 'NON_EMPTY_GROUP']);
const NOT_FOUND_TYPES = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'GROUP_ID_NOT_FOUND', 'UNKNOWN_TOPIC_ID']);

/** Which request field a Kafka validation error is about, for the form's fieldErrors. */
const FIELD_OF_TYPE: Record<string, string> = {
  INVALID_TOPIC_EXCEPTION: 'name',
  INVALID_PARTITIONS: 'partitions',
  INVALID_REPLICATION_FACTOR: 'replicationFactor',
  INVALID_REPLICA_ASSIGNMENT: 'replicas',
  INVALID_CONFIG: 'configs',
  INVALID_REQUEST: 'request',
  POLICY_VIOLATION: 'request',
};

export type KafkaLikeError = {
  name?: string;
  type?: string;
  message?: string;
  retriable?: boolean;
  originalError?: unknown;
  cause?: unknown;
};

/** The error kafkajs gave up on: its retry wrappers (NumberOfRetriesExceeded, NonRetriableError) carry it inside. */
export function unwrapRetries(error: unknown): KafkaLikeError {
  const e = (error ?? {}) as KafkaLikeError;
  if (e.name !== 'KafkaJSNumberOfRetriesExceeded' && e.name !== 'KafkaJSNonRetriableError') return e;
  const inner = e.originalError ?? e.cause;
  return inner && inner !== error ? unwrapRetries(inner) : e;
}

/** True when the broker asked could not be reached or did not answer (not a refusal by Kafka). */
export const isUnreachable = (error: unknown) => UNREACHABLE.has(unwrapRetries(error).name ?? '');

/** An error as kafkajs throws for a broker its metadata does not know: it maps to KAFKA_UNAVAILABLE. */
export const brokerNotFound = (message: string) => Object.assign(new Error(message), { name: 'KafkaJSBrokerNotFound' });

/** The console error code for a Kafka protocol error type (e.g. `TOPIC_AUTHORIZATION_FAILED`). */
export function errorCodeForKafkaType(type: string, retriable: boolean): ErrorCode {
  if (type.endsWith('_AUTHORIZATION_FAILED')) return 'KAFKA_FORBIDDEN';
  if (type.startsWith('INVALID_') || type === 'POLICY_VIOLATION') return 'VALIDATION';
  if (CONFLICT_TYPES.has(type)) return 'CONFLICT';
  if (NOT_FOUND_TYPES.has(type)) return 'NOT_FOUND';
  if (retriable) return 'KAFKA_UNAVAILABLE';
  return 'KAFKA_ERROR';
}

/**
 * Maps anything thrown while talking to Kafka to the console's error shape. Messages never carry broker
 * addresses or credentials: connection-level failures get a fixed sentence.
 */
export function toApiError(error: unknown, clusterId: string): ApiError {
  if (error instanceof ApiError) return error;
  const e = unwrapRetries(error);
  if (e instanceof ApiError) return e;
  // kafkajs's Broker before its handshake finished (the broker accepted the connection but has not answered yet).
  const handshakePending = e.name === 'Error' && e.message === 'Broker not connected';
  if ((e.name && UNAVAILABLE.has(e.name)) || handshakePending) {
    return new ApiError('KAFKA_UNAVAILABLE', `Kafka cluster "${clusterId}" is unreachable or did not answer in time`, { cause: error });
  }
  if (e.name === 'KafkaJSSASLAuthenticationError') {
    return new ApiError('KAFKA_ERROR', `Kafka cluster "${clusterId}" refused the console's credentials`, { cause: error });
  }
  if (typeof e.type === 'string') {
    const code = errorCodeForKafkaType(e.type, e.retriable === true);
    const message = `${e.type}: ${e.message ?? 'Kafka refused the request'}`;
    if (code === 'VALIDATION') {
      return new ApiError(code, message, { fieldErrors: { [FIELD_OF_TYPE[e.type] ?? 'request']: [e.message ?? e.type] }, cause: error });
    }
    return new ApiError(code, message, { cause: error });
  }
  if (e.name === 'ProtocolDecodeError') {
    return new ApiError('KAFKA_ERROR', `Kafka cluster "${clusterId}" sent a response the console could not read`, { cause: error });
  }
  return new ApiError('INTERNAL', 'Internal error', { cause: error });
}
