import { ApiError } from '@/lib/errors';
import { zodFieldErrors } from '@/lib/errors';
import { rekeyErrors, type FormErrors } from '@/lib/form-errors';
import { createTopicInputSchema, type CreateTopicInput, type TopicDefaultsResponse } from '@/lib/schemas/topic-admin';
import { CONFIG_KEY, topicConfigSpec, topicConfigValueError, type TopicConfigSpec } from '@/lib/schemas/topic-config-catalog';
import { collidingTopic, isInternalTopicName, topicNameError } from '@/lib/schemas/topic-name';

/** A config the catalog does not name, as typed; `id` keeps a row's errors on it while rows come and go. */
export type OtherConfigRow = { id: number; key: string; value: string };

/** The create form as typed: numbers stay text until the form is turned into the API's input. */
export type CreateTopicFormState = {
  name: string;
  /** null until edited: the cluster's default shows and is sent. */
  partitions: string | null;
  replicationFactor: string | null;
  /** Catalog configs by key; blank leaves the cluster's default (not sent). */
  configs: Record<string, string>;
  other: OtherConfigRow[];
};

export const initialCreateTopicForm: CreateTopicFormState = { name: '', partitions: null, replicationFactor: null, configs: {}, other: [] };

type Defaults = Pick<TopicDefaultsResponse, 'partitions' | 'replicationFactor' | 'liveBrokers'>;

/**
 * Form field ids: `name`, `partitions`, `replicationFactor`, `configs.<key>` (catalog), `other.<id>.key` (a raw row's
 * name) and `other.<id>` (its value: where Kafka's refusal of the key goes), `request`.
 */
export const catalogField = (key: string) => `configs.${key}`;
export const otherField = (id: number) => `other.${id}`;
export const otherKeyField = (id: number) => `other.${id}.key`;

/** What a count field shows: what was typed, else the cluster's default. */
export const countText = (typed: string | null, fallback: number | undefined) => typed ?? (fallback === undefined ? '' : String(fallback));

/** Why the name cannot be created, as far as the form can tell (the server checks again, against fresh metadata). */
export function nameError(name: string, existingNames: readonly string[] = []): string | null {
  const rule = topicNameError(name);
  if (rule) return rule;
  if (isInternalTopicName(name)) return 'Names starting with "__" are reserved for Kafka\'s internal topics';
  if (existingNames.includes(name)) return `Topic "${name}" already exists`;
  const collision = collidingTopic(name, existingNames);
  return collision ? `Collides with the existing topic "${collision}": Kafka treats "." and "_" alike in topic names` : null;
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export function countError(text: string, { liveBrokers }: { liveBrokers?: number } = {}): string | null {
  if (text.trim() === '') return 'Required';
  const n = wholeNumber(text);
  if (n === null || n < 1) return 'A whole number, at least 1';
  if (liveBrokers !== undefined && n > liveBrokers)
    return `At most ${liveBrokers}: the cluster has ${liveBrokers} live broker${liveBrokers === 1 ? '' : 's'}`;
  return null;
}

/** A catalog field's check (on blur and submit); blank is the cluster default, always fine. */
export function catalogValueError(key: string, value: string, replicationFactorText: string): string | null {
  if (value.trim() === '') return null;
  return topicConfigValueError(key, value.trim(), { replicationFactor: wholeNumber(replicationFactorText) ?? undefined });
}

/** A raw row's check: a config name, not one of the catalog's (it has its own field) nor given twice. Kafka judges the value. */
export function otherRowError(row: OtherConfigRow, rows: readonly OtherConfigRow[]): string | null {
  const key = row.key.trim();
  if (key === '' && row.value.trim() === '') return null;
  if (!CONFIG_KEY.test(key)) return 'A config name: letters, digits, ".", "_" and "-"';
  if (topicConfigSpec(key)) return `${key} has its own field above`;
  const first = rows.find((r) => r.key.trim() === key);
  return first && first.id !== row.id ? `${key} is given twice` : null;
}

/** The choices of a catalog select: each option, and for a list all of them together (cleanup.policy delete,compact). */
export function catalogChoices(spec: TopicConfigSpec): string[] {
  if (spec.type === 'enum') return [...spec.options];
  if (spec.type === 'list') return [...spec.options, spec.options.join(',')];
  return [];
}

/** API field errors → form fields: `configs.<key>` on the catalog field or on the raw row that gave the key. */
export function createTopicFieldErrors(fieldErrors: Record<string, string[]> | undefined, form: CreateTopicFormState): FormErrors {
  return rekeyErrors(fieldErrors, (field) => {
    if (field === 'name' || field === 'partitions' || field === 'replicationFactor') return field;
    if (!field.startsWith('configs.')) return 'request';
    const key = field.slice('configs.'.length);
    if (topicConfigSpec(key)) return catalogField(key);
    const row = form.other.find((r) => r.key.trim() === key);
    return row ? otherField(row.id) : 'request';
  });
}

/** A failed create as form errors: 409 on the name, 422 on its fields; null when the error belongs to no field. */
export function createTopicErrors(error: unknown, form: CreateTopicFormState): FormErrors | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'CONFLICT') return { name: [error.message] };
  return error.fieldErrors ? createTopicFieldErrors(error.fieldErrors, form) : null;
}

/** The form → the API's input, checked as the route checks it (plus the live brokers); errors keyed by form field. */
export function toCreateTopicInput(
  form: CreateTopicFormState,
  { defaults, existingNames = [] }: { defaults?: Defaults; existingNames?: readonly string[] } = {},
): { input: CreateTopicInput } | { fieldErrors: FormErrors } {
  const errors: FormErrors = {};
  const add = (field: string, message: string | null) => {
    if (message) (errors[field] ??= []).push(message);
  };
  const name = form.name.trim();
  add('name', nameError(name, existingNames));
  const partitions = countText(form.partitions, defaults?.partitions);
  const replicationFactor = countText(form.replicationFactor, defaults?.replicationFactor);
  add('partitions', countError(partitions));
  add('replicationFactor', countError(replicationFactor, { liveBrokers: defaults?.liveBrokers }));
  const configs: Record<string, string> = {};
  for (const [key, value] of Object.entries(form.configs)) {
    add(catalogField(key), catalogValueError(key, value, replicationFactor));
    if (value.trim() !== '') configs[key] = value.trim();
  }
  for (const row of form.other) {
    add(otherKeyField(row.id), otherRowError(row, form.other));
    if (row.key.trim() !== '') configs[row.key.trim()] = row.value.trim();
  }
  if (Object.keys(errors).length > 0) return { fieldErrors: errors };
  const raw = {
    name,
    partitions: Number(partitions),
    replicationFactor: Number(replicationFactor),
    ...(Object.keys(configs).length ? { configs } : {}),
  };
  const parsed = createTopicInputSchema.safeParse(raw);
  return parsed.success ? { input: parsed.data } : { fieldErrors: createTopicFieldErrors(zodFieldErrors(parsed.error), form) };
}
