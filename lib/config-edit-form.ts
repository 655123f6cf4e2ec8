import { zodFieldErrors } from '@/lib/errors';
import { rekeyErrors, type FormErrors } from '@/lib/form-errors';
import type { ConfigEntry } from '@/lib/schemas/configs';
import { configPatchInputSchema, type ConfigPatchInput } from '@/lib/schemas/topic-admin';
import { topicConfigValueError } from '@/lib/schemas/topic-config-catalog';

/** Which resource an edit changes: a topic, one broker's dynamic config, or the cluster-wide dynamic default of every broker. */
export type ConfigScope = 'topic' | 'broker' | 'cluster-default' | 'group';

/** The source a key has when it is set on the scope itself (what "Reset to default" removes). */
const OWN_SOURCE = { topic: 'topic', broker: 'dynamic-broker', 'cluster-default': 'dynamic-default-broker', group: 'group' } as const;

/**
 * Rows the table offers to edit: Kafka refuses read-only ones (a broker's static-only configs), and a sensitive
 * value never reaches the page, so it is not edited blind from here.
 */
export const isEditableConfig = (entry: ConfigEntry) => !entry.isReadOnly && !entry.isSensitive;

/** Whether `entry` (as the scope's own describe answers it) is set on the scope: only then is there something to reset. */
export const isSetOn = (entry: ConfigEntry | undefined, scope: ConfigScope) => entry !== undefined && entry.source === OWN_SOURCE[scope];

/**
 * One key set to `value`, checked as the route checks it (the catalog's types and bounds; min.insync.replicas at
 * most the topic's replication factor when known); errors keyed `value` / `request`.
 */
export function toSetPatch(
  key: string,
  value: string,
  { replicationFactor }: { replicationFactor?: number } = {},
): { patch: ConfigPatchInput } | { fieldErrors: FormErrors } {
  const typed = value.trim();
  const minIsr = key === 'min.insync.replicas' ? topicConfigValueError(key, typed, { replicationFactor }) : null;
  if (minIsr) return { fieldErrors: { value: [minIsr] } };
  const parsed = configPatchInputSchema.safeParse({ set: { [key]: typed } });
  return parsed.success ? { patch: parsed.data } : { fieldErrors: configEditErrors(zodFieldErrors(parsed.error)) };
}

export const toResetPatch = (key: string): ConfigPatchInput => ({ delete: [key] });

/** The API's errors of a one-key patch: `set.<key>` and `delete` are about the value field, the rest about the request. */
export function configEditErrors(fieldErrors: Record<string, string[]> | undefined): FormErrors {
  return rekeyErrors(fieldErrors, (field) => (field.startsWith('set.') || field === 'delete' ? 'value' : 'request'));
}
