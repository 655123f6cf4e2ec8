import { z } from 'zod';
import { unsupportedSchema } from '@/lib/schemas/common';

// Client metrics subscriptions (KIP-714): the CLIENT_METRICS config resource, one per subscription name, with three
// keys: `metrics` (comma list of metric name prefixes), `interval.ms` (push interval) and `match` (comma list of
// `selector=regex`). Kafka stores the lists as comma-joined strings, so no item can hold a comma.

/** The selectors a `match` entry may name (kafka-client-metrics --help; Kafka's ClientMetricsConfigs). */
export const CLIENT_METRICS_SELECTORS = [
  'client_id',
  'client_instance_id',
  'client_software_name',
  'client_software_version',
  'client_source_address',
  'client_source_port',
] as const;

/** Kafka's bounds for `interval.ms` (it refuses others with INVALID_REQUEST) and its default. */
export const CLIENT_METRICS_INTERVAL = { min: 100, max: 3_600_000, default: 300_000 } as const;

/** Lone UTF-16 surrogates cannot be sent to Kafka as UTF-8: they would arrive as U+FFFD, another name or value. */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);
const WELL_FORMED = 'must be well-formed Unicode (no lone surrogates)';

/**
 * Kafka accepts any non-empty name (spaces and "/" included; kafka-client-metrics --generate-name makes a UUID).
 * The console refuses control characters and the URL segments "." and "..", which a browser would resolve to another
 * path, so that every name it creates round-trips through a URL.
 */
export const clientMetricsName = z
  .string()
  .min(1, 'must not be empty')
  .max(249, 'at most 249 characters')
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters')
  .refine((name) => name !== '.' && name !== '..', 'must not be "." or ".."')
  .refine(wellFormed, WELL_FORMED);

const listItem = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `an empty ${what}`)
    .max(1000, `a ${what} of at most 1,000 characters`)
    .refine((item) => !item.includes(','), `a ${what} cannot contain "," (Kafka stores the list comma-separated)`)
    .refine(wellFormed, WELL_FORMED);

/** A metric name prefix (`org.apache.kafka.producer.`), or `*` for every metric. */
const metricPrefix = listItem('metric prefix');

const selectorPattern = new RegExp(`^(${CLIENT_METRICS_SELECTORS.join('|')})=.+$`, 's');
/** `selector=regex`; Kafka checks the regex itself (Java syntax) and the console shows its refusal on `match`. */
const matchEntry = listItem('match entry').refine(
  (entry) => selectorPattern.test(entry),
  `must be selector=regex, with a selector among ${CLIENT_METRICS_SELECTORS.join(', ')}`,
);

/** What a subscription sets; the same shape creates one and replaces one's whole config. */
export const clientMetricsConfigInputSchema = z
  .object({
    /** Empty: the subscription asks for no metrics. */
    metrics: z.array(metricPrefix).max(1000).default([]),
    intervalMs: z
      .number('a whole number of milliseconds')
      .int('a whole number of milliseconds')
      .min(CLIENT_METRICS_INTERVAL.min, `at least ${CLIENT_METRICS_INTERVAL.min} ms`)
      .max(CLIENT_METRICS_INTERVAL.max, `at most ${CLIENT_METRICS_INTERVAL.max} ms (1 hour)`)
      .default(CLIENT_METRICS_INTERVAL.default),
    /** Empty: every client matches. */
    match: z.array(matchEntry).max(100).default([]),
  })
  .meta({ id: 'ClientMetricsConfigInput' });
export type ClientMetricsConfigInput = z.output<typeof clientMetricsConfigInputSchema>;

export const createClientMetricsInputSchema = clientMetricsConfigInputSchema
  .extend({ name: clientMetricsName })
  .meta({ id: 'CreateClientMetricsInput' });
export type CreateClientMetricsInput = z.output<typeof createClientMetricsInputSchema>;

export const deleteClientMetricsInputSchema = z.object({ confirm: z.string() }).meta({ id: 'DeleteClientMetricsInput' });

/** The delete check: the exact subscription name, nothing else. */
export function clientMetricsConfirmationErrors(confirm: string, name: string) {
  return confirm === name ? null : { confirm: [`Type the subscription name exactly ("${name}") to confirm`] };
}

export const clientMetricsSubscriptionSchema = z
  .object({
    name: z.string(),
    metrics: z.array(z.string()),
    intervalMs: z.number().int(),
    match: z.array(z.string()),
  })
  .meta({ id: 'ClientMetricsSubscription' });
export type ClientMetricsSubscription = z.infer<typeof clientMetricsSubscriptionSchema>;

export const clientMetricsListSchema = z
  .discriminatedUnion('supported', [
    z.object({ supported: z.literal(true), subscriptions: z.array(clientMetricsSubscriptionSchema) }),
    unsupportedSchema,
  ])
  .meta({ id: 'ClientMetricsList' });
export type ClientMetricsList = z.infer<typeof clientMetricsListSchema>;

export const deleteClientMetricsResponseSchema = z.object({ deleted: z.string() }).meta({ id: 'DeleteClientMetricsResponse' });
