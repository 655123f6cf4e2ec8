import 'server-only';
import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import { ApiError } from '@/lib/errors';
import type { ConfigEntry } from '@/lib/schemas/configs';
import type { ConfigPatchInput } from '@/lib/schemas/topic-admin';
import { ALTER_CONFIG_OPS, incrementalAlterConfigs } from '@/server/protocol/incremental-alter-configs';
import { kafkaRefusal } from '@/server/kafka/kafka-refusal';

/**
 * One IncrementalAlterConfigs request for one resource: SET each key of `set`, DELETE each key of `delete` (back
 * to its inherited value). Kafka applies the ops of a resource all or none, and leaves every other key alone,
 * unlike AlterConfigs (kafkajs's alterConfigs), which replaces the resource's whole config.
 */
export async function applyConfigPatch(
  broker: KafkajsBroker,
  resource: { resourceType: number; resourceName: string },
  patch: ConfigPatchInput,
) {
  const configs = [
    ...Object.entries(patch.set ?? {}).map(([name, value]) => ({ name, op: ALTER_CONFIG_OPS.SET, value })),
    ...(patch.delete ?? []).map((name) => ({ name, op: ALTER_CONFIG_OPS.DELETE, value: null })),
  ];
  const [result] = await incrementalAlterConfigs(broker, { resources: [{ ...resource, configs }], validateOnly: false });
  if (!result) throw new ApiError('KAFKA_ERROR', 'Kafka did not answer for the config resource');
  const setKeys = Object.keys(patch.set ?? {});
  const refusal = kafkaRefusal(result.errorCode, result.errorMessage, {
    configField: 'set',
    configKeys: [...setKeys, ...(patch.delete ?? [])],
    byType: {},
  });
  if (!refusal) return;
  // A refusal about a deleted key belongs on `delete`, not on `set.<key>`.
  const fieldErrors =
    refusal.fieldErrors &&
    Object.fromEntries(Object.entries(refusal.fieldErrors).map(([field, messages]) => [fieldFor(field, setKeys), messages]));
  throw new ApiError(refusal.code, refusal.message, { fieldErrors, cause: refusal.cause });
}

const fieldFor = (field: string, setKeys: readonly string[]) =>
  field.startsWith('set.') && !setKeys.includes(field.slice(4)) ? 'delete' : field;

/**
 * Whether described configs show the patch: each set key with its value (sensitive ones: set on the resource at
 * all) and each deleted key no longer set on it. `own` says which sources count as set on the resource.
 */
export function showsPatch(entries: readonly ConfigEntry[], patch: ConfigPatchInput, own: (entry: ConfigEntry) => boolean): boolean {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const setShown = Object.entries(patch.set ?? {}).every(([name, value]) => {
    const entry = byName.get(name);
    return entry !== undefined && own(entry) && (entry.isSensitive || entry.value === value);
  });
  const deleteShown = (patch.delete ?? []).every((name) => {
    const entry = byName.get(name);
    return entry === undefined || !own(entry);
  });
  return setShown && deleteShown;
}
