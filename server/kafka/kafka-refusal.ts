import 'server-only';
import { ApiError } from '@/lib/errors';
import { errorCodeForKafkaType } from '@/server/kafka/errors';
import { kafkaError } from '@/server/kafka/send-request';

/** Which request field a refusal is about, by Kafka error type; INVALID_CONFIG is placed on the key it names. */
export type RefusalFields = { configField: string; configKeys: readonly string[]; byType: Readonly<Record<string, string>> };

/**
 * The config key Kafka's message is about ("Invalid value abc for configuration retention.ms: …", "Unknown topic
 * config name: foo"): the longest of the request's keys that the message names as a whole word.
 */
export function configKeyNamed(message: string, keys: readonly string[]): string | null {
  const named = keys.filter((key) =>
    new RegExp(`(^|[^a-zA-Z0-9._-])${key.replaceAll('.', '\\.')}($|[^a-zA-Z0-9_-]|\\.(?![a-zA-Z0-9]))`).test(message),
  );
  return named.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * A Kafka refusal of one topic or config resource as the console's error: validation refusals carry Kafka's own
 * message on the field it is about (422), TOPIC_ALREADY_EXISTS is 409, UNKNOWN_TOPIC_OR_PARTITION 404, the rest
 * as Kafka error types map. Null when Kafka accepted.
 */
export function kafkaRefusal(errorCode: number, errorMessage: string | null, fields: RefusalFields): ApiError | null {
  const error = kafkaError(errorCode, errorMessage) as (Error & { type?: string; retriable?: boolean }) | null;
  if (!error) return null;
  const type = error.type ?? 'UNKNOWN_SERVER_ERROR';
  const text = errorMessage || error.message;
  const code = errorCodeForKafkaType(type, error.retriable === true);
  if (code !== 'VALIDATION') return new ApiError(code, `${type}: ${text}`, { cause: error });
  // Broker-config refusals come as INVALID_REQUEST ("Cannot update these configs dynamically: [log.dirs]").
  const key = type === 'INVALID_CONFIG' || type === 'INVALID_REQUEST' ? configKeyNamed(text, fields.configKeys) : null;
  const field = key
    ? `${fields.configField}.${key}`
    : (fields.byType[type] ?? (type === 'INVALID_CONFIG' ? fields.configField : 'request'));
  return new ApiError('VALIDATION', `Kafka refused the request: ${text}`, { fieldErrors: { [field]: [text] }, cause: error });
}
