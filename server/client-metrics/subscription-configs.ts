import 'server-only';
import type { FieldErrors } from '@/lib/errors';
import type { ClientMetricsConfigInput, ClientMetricsSubscription } from '@/lib/schemas/client-metrics';
import { CLIENT_METRICS_INTERVAL } from '@/lib/schemas/client-metrics';
import type { ConfigPatchInput } from '@/lib/schemas/topic-admin';

// The mapping between a subscription as the API shows it and the CLIENT_METRICS resource's config keys. Pure, for
// the unit tests; the Kafka calls live in read-subscriptions.ts and change-subscriptions.ts.

/** The resource's keys, as Kafka 3.7+ names them (kafka-client-metrics --describe prints them). */
export const CLIENT_METRICS_KEYS = { metrics: 'metrics', intervalMs: 'interval.ms', match: 'match' } as const;

type DescribedEntry = { configName: string; configValue: string | null };

const splitList = (value: string | null | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * A subscription from DescribeConfigs: Kafka answers all three keys, an unset one with its default (`interval.ms`
 * 300000, the lists ""), as the tool prints them.
 */
export function toSubscription(name: string, entries: readonly DescribedEntry[]): ClientMetricsSubscription {
  const value = (key: string) => entries.find((e) => e.configName === key)?.configValue;
  const interval = Number(value(CLIENT_METRICS_KEYS.intervalMs));
  return {
    name,
    metrics: splitList(value(CLIENT_METRICS_KEYS.metrics)),
    intervalMs: Number.isInteger(interval) && interval > 0 ? interval : CLIENT_METRICS_INTERVAL.default,
    match: splitList(value(CLIENT_METRICS_KEYS.match)),
  };
}

/**
 * The IncrementalAlterConfigs ops that give a subscription exactly `input`. `interval.ms` is always set, so that a
 * new subscription has a key of its own even with empty lists (a resource without one does not exist: Kafka lists
 * only resources with configs). An empty list is deleted when replacing and left out when creating.
 */
export function subscriptionPatch(input: ClientMetricsConfigInput, { replacing }: { replacing: boolean }): ConfigPatchInput {
  const set: Record<string, string> = { [CLIENT_METRICS_KEYS.intervalMs]: String(input.intervalMs) };
  const remove: string[] = [];
  for (const key of ['metrics', 'match'] as const) {
    if (input[key].length > 0) set[CLIENT_METRICS_KEYS[key]] = input[key].join(',');
    else if (replacing) remove.push(CLIENT_METRICS_KEYS[key]);
  }
  return remove.length > 0 ? { set, delete: remove } : { set };
}

/** Whether a described subscription shows the input (the change has reached the answering broker). */
export const showsInput = (subscription: ClientMetricsSubscription, input: ClientMetricsConfigInput) =>
  subscription.intervalMs === input.intervalMs &&
  subscription.metrics.join(',') === input.metrics.join(',') &&
  subscription.match.join(',') === input.match.join(',');

const FIELD_OF_KEY: Record<string, keyof ClientMetricsConfigInput> = {
  [CLIENT_METRICS_KEYS.metrics]: 'metrics',
  [CLIENT_METRICS_KEYS.intervalMs]: 'intervalMs',
  [CLIENT_METRICS_KEYS.match]: 'match',
};

/**
 * Kafka's refusal fields (`set.interval.ms`, or `set` when the message names no key) as the API's input fields.
 * Kafka's refusal of a regex names no key ("Illegal client matching pattern: client_id=[") and belongs on `match`.
 */
export function inputFieldErrors(fieldErrors: FieldErrors): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const key = field.replace(/^(set|delete)\.?/, '');
    const named = FIELD_OF_KEY[key];
    const target = named ?? (messages.some((m) => /matching pattern/i.test(m)) ? 'match' : field === 'set' ? 'request' : field);
    (mapped[target] ??= []).push(...messages);
  }
  return mapped;
}
