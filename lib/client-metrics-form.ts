import type { z } from 'zod';
import { zodFieldErrors, type FieldErrors } from '@/lib/errors';
import { rekeyErrors, type FormErrors } from '@/lib/form-errors';
import {
  CLIENT_METRICS_INTERVAL,
  clientMetricsConfigInputSchema,
  createClientMetricsInputSchema,
  type ClientMetricsConfigInput,
  type ClientMetricsSubscription,
  type CreateClientMetricsInput,
} from '@/lib/schemas/client-metrics';

/** The subscription form as typed: the lists one item a line (or comma-separated, as kafka-client-metrics takes them). */
export type ClientMetricsFormState = { name: string; metrics: string; intervalMs: string; match: string };

export const initialClientMetricsForm: ClientMetricsFormState = {
  name: '',
  metrics: '',
  intervalMs: String(CLIENT_METRICS_INTERVAL.default),
  match: '',
};

export const formOfSubscription = (subscription: ClientMetricsSubscription): ClientMetricsFormState => ({
  name: subscription.name,
  metrics: subscription.metrics.join('\n'),
  intervalMs: String(subscription.intervalMs),
  match: subscription.match.join('\n'),
});

// No item can hold a comma (Kafka stores the lists comma-joined), so both separators split.
const items = (text: string) =>
  text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** An API field error on a form field: `match.2` belongs to the match box. */
export const formErrorsOf = (fieldErrors: FieldErrors | undefined): FormErrors => rekeyErrors(fieldErrors, (field) => field.split('.')[0]!);

type Parsed<T> = { input: T } | { fieldErrors: FormErrors };

function parse<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  return result.success ? { input: result.data } : { fieldErrors: formErrorsOf(zodFieldErrors(result.error)) };
}

function configOf(form: ClientMetricsFormState) {
  const interval = form.intervalMs.trim();
  return {
    metrics: items(form.metrics),
    // Not a number: let the schema say so on the field, rather than sending NaN.
    intervalMs: /^\d+$/.test(interval) ? Number(interval) : interval,
    match: items(form.match),
  };
}

/** The form as a create request, checked by the same schema as the server's. */
export const toCreateInput = (form: ClientMetricsFormState): Parsed<CreateClientMetricsInput> =>
  parse(createClientMetricsInputSchema, { name: form.name, ...configOf(form) });

/** The form as a whole replacement of an existing subscription's config. */
export const toUpdateInput = (form: ClientMetricsFormState): Parsed<ClientMetricsConfigInput> =>
  parse(clientMetricsConfigInputSchema, configOf(form));
